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
 * Shopify's {@code bulkOperationRunQuery}: the inner query validated against the schema (refusals as
 * BulkOperationUserError {@code userErrors}), run at once over every record, and kept as JSONL for
 * {@code /shopify/bulk/<id>.jsonl}; the operation completes immediately.
 */
final class ShopifyBulk {

    private final Supplier<ShopifyStore> store;
    private final String bulkUrlBase;

    ShopifyBulk(Supplier<ShopifyStore> store, String bulkUrlBase) {
        this.store = store;
        this.bulkUrlBase = bulkUrlBase;
    }

    /** Runs the inner query at once over every record, as JSONL (children of a connection as lines with __parentId). */
    Map<String, Object> run(DataFetchingEnvironment env, GraphQLSchema schema, GraphQL graphql) {
        ShopifyStore shop = store.get();
        String inner = env.getArgument("query");
        Document document;
        try {
            document = new Parser().parseDocument(inner);
        } catch (InvalidSyntaxException e) {
            return Map.of("bulkOperation", null, "userErrors", List.of(Map.of("field", List.of("query"), "message", "Invalid bulk query: " + e.getMessage())));
        }
        List<ValidationError> invalid = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        boolean hasConnection = document.getDefinitions().stream().anyMatch(d -> d instanceof OperationDefinition o
                && o.getOperation() == OperationDefinition.Operation.QUERY
                && ShopifyGraphql.fields(o.getSelectionSet(), Map.of()).stream().anyMatch(f -> ShopifyGraphql.CONNECTIONS.contains(f.getName())));
        if (!invalid.isEmpty() || !hasConnection) {
            String message = invalid.isEmpty() ? "Bulk queries must contain at least one connection." : invalid.get(0).getMessage();
            return Map.of("bulkOperation", null, "userErrors", List.of(Map.of("field", List.of("query"), "message", message)));
        }
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput().query(inner)
                .graphQLContext(Map.of("bulk", true)).build());
        StringBuilder jsonl = new StringBuilder();
        long[] counts = {0, 0};
        Map<String, Object> data = result.getData();
        for (Object root : data.values()) {
            for (Map<String, Object> node : nodes(root)) {
                writeLine(jsonl, node, null, counts);
                counts[1]++;
            }
        }
        String id = shop.newId("BulkOperation");
        shop.bulkResults.put(id, jsonl.toString());
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("id", id);
        operation.put("status", "COMPLETED");
        operation.put("errorCode", null);
        operation.put("objectCount", counts[0]);
        operation.put("rootObjectCount", counts[1]);
        operation.put("url", bulkUrlBase + id.substring(id.lastIndexOf('/') + 1) + ".jsonl");
        operation.put("createdAt", ShopifyStore.now());
        operation.put("completedAt", ShopifyStore.now());
        shop.bulkOperations.put(id, operation);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bulkOperation", operation);
        answer.put("userErrors", List.of());
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

    private static void writeLine(StringBuilder jsonl, Map<String, Object> node, String parent, long[] counts) {
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
                writeLine(jsonl, childNode, (String) node.get("id"), counts);
            }
        }
    }
}
