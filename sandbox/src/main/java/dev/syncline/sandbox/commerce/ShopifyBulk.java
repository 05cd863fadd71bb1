package dev.syncline.sandbox.commerce;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Shopify's {@code bulkOperationRunQuery} (Admin API 2025-07, shopify.dev "Perform bulk operations
 * with the GraphQL Admin API" and the mutation's reference): the inner query validated against the
 * schema (refusals as BulkOperationUserError {@code userErrors} with their code), run over every
 * record into a JSONL file for {@code /shopify/bulk/<id>.jsonl}. The operation is RUNNING for the
 * store's {@code bulkRunMs}, then COMPLETED with its URL; a shop runs one bulk query at a time
 * (OPERATION_IN_PROGRESS). With {@code groupObjects} (2025-07's default) each object's children
 * follow it; without, they come after every parent, as Shopify gives no order then.
 */
final class ShopifyBulk {

    private final Supplier<ShopifyStore> store;
    private final String bulkUrlBase;

    ShopifyBulk(Supplier<ShopifyStore> store, String bulkUrlBase) {
        this.store = store;
        this.bulkUrlBase = bulkUrlBase;
    }

    Map<String, Object> run(DataFetchingEnvironment env, GraphQLSchema schema, GraphQL graphql) {
        ShopifyStore shop = store.get();
        String inner = env.getArgument("query");
        Document document;
        try {
            document = new Parser().parseDocument(inner);
        } catch (InvalidSyntaxException e) {
            return refused("INVALID", "Invalid bulk query: " + e.getMessage());
        }
        List<ValidationError> invalid = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        boolean hasConnection = document.getDefinitions().stream().anyMatch(d -> d instanceof OperationDefinition o
                && o.getOperation() == OperationDefinition.Operation.QUERY
                && ShopifyGraphql.fields(o.getSelectionSet(), Map.of()).stream().anyMatch(f -> ShopifyGraphql.CONNECTIONS.contains(f.getName())));
        if (!invalid.isEmpty() || !hasConnection) {
            return refused("INVALID", invalid.isEmpty() ? "Bulk queries must contain at least one connection." : invalid.get(0).getMessage());
        }
        synchronized (shop) {
            for (Map<String, Object> other : shop.bulkOperations.values()) {
                if (!"COMPLETED".equals(status(other).get("status"))) {
                    return refused("OPERATION_IN_PROGRESS", "A bulk query operation for this app and shop is already in progress: "
                            + other.get("id") + ".");
                }
            }
            ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput().query(inner)
                    .graphQLContext(Map.of("bulk", true)).build());
            boolean grouped = !Boolean.FALSE.equals(env.getArgument("groupObjects"));
            StringBuilder parents = new StringBuilder();
            StringBuilder children = grouped ? parents : new StringBuilder();
            long[] counts = {0, 0};
            Map<String, Object> data = result.getData();
            for (Object root : data.values()) {
                for (Map<String, Object> node : nodes(root)) {
                    writeLine(parents, children, node, null, counts);
                    counts[1]++;
                }
            }
            String id = shop.newId("BulkOperation");
            shop.bulkResults.put(id, grouped ? parents.toString() : parents.append(children).toString());
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("id", id);
            operation.put("status", "RUNNING");
            operation.put("errorCode", null);
            operation.put("objectCount", "0");
            operation.put("rootObjectCount", "0");
            operation.put("url", null);
            operation.put("createdAt", ShopifyStore.now());
            operation.put("completedAt", null);
            operation.put("finalObjectCount", Long.toString(counts[0]));
            operation.put("finalRootObjectCount", Long.toString(counts[1]));
            operation.put("completesAt", System.nanoTime() + shop.bulkRunMs * 1_000_000);
            shop.bulkOperations.put(id, operation);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("bulkOperation", operation);
            answer.put("userErrors", List.of());
            return answer;
        }
    }

    /** An operation as it stands now: RUNNING until its time has come, then COMPLETED with its file's URL. */
    Map<String, Object> status(Map<String, Object> operation) {
        synchronized (operation) {
            if ("RUNNING".equals(operation.get("status")) && System.nanoTime() - (long) operation.get("completesAt") >= 0) {
                String id = (String) operation.get("id");
                operation.put("status", "COMPLETED");
                operation.put("objectCount", operation.get("finalObjectCount"));
                operation.put("rootObjectCount", operation.get("finalRootObjectCount"));
                operation.put("url", bulkUrlBase + id.substring(id.lastIndexOf('/') + 1) + ".jsonl");
                operation.put("completedAt", ShopifyStore.now());
            }
        }
        return operation;
    }

    private static Map<String, Object> refused(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("field", List.of("query"));
        error.put("message", message);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bulkOperation", null);
        answer.put("userErrors", List.of(error));
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Object connection) {
        if (!(connection instanceof Map<?, ?> map)) {
            return List.of();
        }
        if (map.get("nodes") instanceof List<?> nodes) {
            return (List<Map<String, Object>>) nodes;
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        if (map.get("edges") instanceof List<?> edges) {
            edges.forEach(e -> nodes.add((Map<String, Object>) ((Map<?, ?>) e).get("node")));
        }
        return nodes;
    }

    /** A node's line into {@code jsonl}, its connections' nodes into {@code childLines} (the same file when grouped). */
    private static void writeLine(StringBuilder jsonl, StringBuilder childLines, Map<String, Object> node, String parent, long[] counts) {
        Map<String, Object> line = new LinkedHashMap<>();
        List<Object[]> children = new ArrayList<>();
        node.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && (map.containsKey("nodes") || map.containsKey("edges"))) {
                children.add(new Object[] {value});
            } else {
                line.put(key, value);
            }
        });
        if (parent != null) {
            line.put("__parentId", parent);
        }
        try {
            jsonl.append(dev.syncline.sandbox.http.Json.MAPPER.writeValueAsString(line)).append('\n');
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        counts[0]++;
        for (Object[] child : children) {
            for (Map<String, Object> childNode : nodes(child[0])) {
                writeLine(childLines, childLines, childNode, (String) node.get("id"), counts);
            }
        }
    }
}
