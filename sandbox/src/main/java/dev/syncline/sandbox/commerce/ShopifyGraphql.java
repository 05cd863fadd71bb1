package dev.syncline.sandbox.commerce;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Shopify's Admin GraphQL API as far as a migration uses it: requests parsed and validated
 * against {@code shopify/admin-subset.graphqls} (generated from Shopify's published 2025-07 schema),
 * variables checked against its types ({@link ShopifyVariables}), each query's cost computed as Shopify does
 * (a connection costs 2 plus {@code first} times its node's cost, an object 1, a mutation 10;
 * the unused part refunded) and charged to the store's bucket, cursor paging up to 250, search
 * terms, the create mutations with their {@code userErrors}, and bulk query operations.
 */
final class ShopifyGraphql {

    /** The Admin API version of {@code admin-subset.graphqls}. */
    static final String API_VERSION = "2025-07";
    static final int MAX_PAGE = 250;
    static final int MAX_COST = 1000;
    static final Set<String> CONNECTIONS = Set.of("customers", "orders", "productVariants", "lineItems");

    private final GraphQLSchema schema;
    private final GraphQL graphql;
    private final ShopifyVariables variables;
    private final Supplier<ShopifyStore> store;
    private final ShopifyBulk bulk;

    /** What one request did: its answer, its HTTP status, and whether to hold the answer back (a slow create). */
    record Answer(int status, Map<String, Object> body, boolean slow) {
    }

    private record Priced(double requested, List<Field> fields, Map<String, FragmentDefinition> fragments) {
    }

    ShopifyGraphql(Supplier<ShopifyStore> store, String bulkUrlBase) {
        this.store = store;
        this.bulk = new ShopifyBulk(store, bulkUrlBase);
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl());
        this.schema = new SchemaGenerator().makeExecutableSchema(types, wiring(types));
        this.graphql = GraphQL.newGraphQL(schema).build();
        this.variables = new ShopifyVariables(schema);
    }

    Answer execute(String query, Map<String, Object> variables, String operationName) {
        ShopifyStore shop = store.get();
        shop.requests.incrementAndGet();
        Document document;
        try {
            document = new Parser().parseDocument(query);
        } catch (InvalidSyntaxException e) {
            return new Answer(200, Map.of("errors", List.of(Map.of("message", "syntax error: " + e.getMessage()))), false);
        }
        List<ValidationError> invalid = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        if (!invalid.isEmpty()) {
            return new Answer(200, Map.of("errors", invalid.stream().map(e -> Map.of("message", e.getMessage())).toList()), false);
        }
        List<Map<String, Object>> refused = this.variables.refusals(document, operationName, variables == null ? Map.of() : variables);
        if (!refused.isEmpty()) {
            return new Answer(200, Map.of("errors", refused), false);
        }
        Priced priced = price(document, operationName, variables);
        if (priced.requested() > MAX_COST) {
            return new Answer(200, Map.of("errors", List.of(Map.of("message", "Query cost is " + (long) priced.requested()
                    + ", which exceeds the single query max cost limit (" + MAX_COST + ").", "extensions",
                    Map.of("code", "MAX_COST_EXCEEDED", "cost", priced.requested(), "maxCost", MAX_COST)))), false);
        }
        if (shop.take(priced.requested()) == null) {
            return new Answer(shop.throttledStatus, Map.of("errors", List.of(Map.of("message", "Throttled", "extensions",
                            Map.of("code", "THROTTLED", "documentation", "https://shopify.dev/api/usage/rate-limits"))),
                    "extensions", Map.of("cost", cost(priced.requested(), null, shop))), false);
        }
        ExecutionInput input = ExecutionInput.newExecutionInput().query(query).operationName(operationName)
                .variables(variables == null ? Map.of() : variables).graphQLContext(Map.of("bulk", false, "slow", false)).build();
        GraphQLContext context = input.getGraphQLContext();
        ExecutionResult result;
        synchronized (shop) {
            result = graphql.execute(input);
        }
        double actual = actualCost(priced, result.getData());
        shop.refund(priced.requested() - actual);
        shop.pointsUsed.addAndGet((long) actual);
        Map<String, Object> body = new LinkedHashMap<>(result.toSpecification());
        body.put("extensions", Map.of("cost", cost(priced.requested(), actual, shop)));
        return new Answer(200, body, Boolean.TRUE.equals(context.get("slow")));
    }

    private static Map<String, Object> cost(double requested, Double actual, ShopifyStore shop) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", shop.throttleStatus());
        return cost;
    }

    /** Shopify's cost of an operation, and each top-level connection's (alias, first, node cost) for the refund. */
    private Priced price(Document document, String operationName, Map<String, Object> variables) {
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        OperationDefinition operation = null;
        for (var definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            } else if (definition instanceof OperationDefinition o && (operationName == null || operationName.equals(o.getName()))) {
                operation = o;
            }
        }
        if (operation == null) {
            return new Priced(1, List.of(), fragments);
        }
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            return new Priced(10.0 * operation.getSelectionSet().getSelections().size(), List.of(), fragments);
        }
        List<Field> top = fields(operation.getSelectionSet(), fragments);
        double total = 0;
        for (Field field : top) {
            total += fieldCost(field, fragments, variables);
        }
        return new Priced(Math.max(1, total), top, fragments);
    }

    private double fieldCost(Field field, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        if (field.getSelectionSet() == null || field.getName().startsWith("__") || field.getName().equals("pageInfo")) {
            return 0;
        }
        Integer first = first(field, variables);
        if (CONNECTIONS.contains(field.getName())) {
            double node = 0;
            for (Field part : fields(field.getSelectionSet(), fragments)) {
                if (part.getName().equals("nodes")) {
                    node = 1 + children(part, fragments, variables);
                } else if (part.getName().equals("edges")) {
                    for (Field edge : fields(part.getSelectionSet(), fragments)) {
                        if (edge.getName().equals("node")) {
                            node = 1 + children(edge, fragments, variables);
                        }
                    }
                }
            }
            return 2 + (first == null ? MAX_PAGE : first) * Math.max(1, node);
        }
        return 1 + children(field, fragments, variables);
    }

    private double children(Field field, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        double sum = 0;
        for (Field child : fields(field.getSelectionSet(), fragments)) {
            sum += fieldCost(child, fragments, variables);
        }
        return sum;
    }

    static List<Field> fields(SelectionSet set, Map<String, FragmentDefinition> fragments) {
        List<Field> fields = new ArrayList<>();
        if (set == null) {
            return fields;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field f) {
                fields.add(f);
            } else if (selection instanceof InlineFragment i) {
                fields.addAll(fields(i.getSelectionSet(), fragments));
            } else if (selection instanceof FragmentSpread s && fragments.containsKey(s.getName())) {
                fields.addAll(fields(fragments.get(s.getName()).getSelectionSet(), fragments));
            }
        }
        return fields;
    }

    private static Integer first(Field field, Map<String, Object> variables) {
        var argument = field.getArguments().stream().filter(a -> a.getName().equals("first")).findFirst().orElse(null);
        if (argument == null) {
            return null;
        }
        if (argument.getValue() instanceof IntValue i) {
            return i.getValue().intValue();
        }
        if (argument.getValue() instanceof VariableReference v && variables != null && variables.get(v.getName()) instanceof Number n) {
            return n.intValue();
        }
        return null;
    }

    /**
     * What the answer really cost: the same rules applied to what came back (a connection's nodes as
     * returned, nested ones included), so that short pages are refunded as Shopify refunds them.
     */
    private static double actualCost(Priced priced, Object data) {
        if (priced.fields().isEmpty() || !(data instanceof Map<?, ?> map)) {
            return priced.requested();
        }
        double total = 0;
        for (Field field : priced.fields()) {
            total += returnedCost(field, map.get(field.getResultKey()), priced.fragments());
        }
        return Math.max(1, Math.min(priced.requested(), total));
    }

    private static double returnedCost(Field field, Object value, Map<String, FragmentDefinition> fragments) {
        if (field.getSelectionSet() == null || field.getName().startsWith("__") || field.getName().equals("pageInfo")) {
            return 0;
        }
        if (value instanceof List<?> list) {
            double sum = 0;
            for (Object element : list) {
                sum += returnedCost(field, element, fragments);
            }
            return sum;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value == null ? 0 : 1;
        }
        if (CONNECTIONS.contains(field.getName())) {
            double sum = 2;
            for (Field part : fields(field.getSelectionSet(), fragments)) {
                if (part.getName().equals("nodes") && map.get(part.getResultKey()) instanceof List<?> nodes) {
                    for (Object node : nodes) {
                        sum += node == null ? 0 : 1 + returnedChildren(part, node, fragments);
                    }
                } else if (part.getName().equals("edges") && map.get(part.getResultKey()) instanceof List<?> edges) {
                    for (Field edgeField : fields(part.getSelectionSet(), fragments)) {
                        if (edgeField.getName().equals("node")) {
                            for (Object edge : edges) {
                                Object node = edge instanceof Map<?, ?> e ? e.get(edgeField.getResultKey()) : null;
                                sum += node == null ? 0 : 1 + returnedChildren(edgeField, node, fragments);
                            }
                        }
                    }
                }
            }
            return sum;
        }
        return 1 + returnedChildren(field, map, fragments);
    }

    private static double returnedChildren(Field field, Object value, Map<String, FragmentDefinition> fragments) {
        double sum = 0;
        if (value instanceof Map<?, ?> map) {
            for (Field child : fields(field.getSelectionSet(), fragments)) {
                sum += returnedCost(child, map.get(child.getResultKey()), fragments);
            }
        }
        return sum;
    }

    // ---- wiring

    @SuppressWarnings("unchecked")
    private RuntimeWiring wiring(TypeDefinitionRegistry types) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        types.scalars().keySet().stream().filter(name -> !ScalarInfo.isGraphqlSpecifiedScalar(name))
                .forEach(name -> wiring.scalar(passThrough(name)));
        return wiring
                .type("Node", t -> t.typeResolver(env -> {
                    String id = (String) ((Map<?, ?>) env.getObject()).get("id");
                    return env.getSchema().getObjectType(id.split("/")[3]);
                }))
                .type("QueryRoot", t -> t
                        .dataFetcher("customers", env -> connection(env, store.get().customers.values()))
                        .dataFetcher("orders", env -> connection(env, store.get().orders.values()))
                        .dataFetcher("productVariants", env -> connection(env, store.get().variants.values()))
                        .dataFetcher("customersCount", env -> count(env, store.get().customers.values()))
                        .dataFetcher("ordersCount", env -> count(env, store.get().orders.values()))
                        .dataFetcher("node", env -> node(env.getArgument("id")))
                        .dataFetcher("nodes", env -> ((List<String>) env.getArgument("ids")).stream().map(this::node).toList()))
                // The store keeps a customer's email and phone flat; 2025-07 reads them as objects.
                .type("Customer", t -> t
                        .dataFetcher("defaultEmailAddress", env -> wrapped(env, "email", "emailAddress"))
                        .dataFetcher("defaultPhoneNumber", env -> wrapped(env, "phone", "phoneNumber")))
                .type("Order", t -> t.dataFetcher("lineItems", env -> connection(env,
                        (List<Map<String, Object>>) ((Map<?, ?>) env.getSource()).get("lineItems"))))
                .type("Mutation", t -> t
                        .dataFetcher("customerCreate", new ShopifyMutations.CustomerCreate(store))
                        .dataFetcher("customerAddressCreate", new ShopifyMutations.CustomerAddressCreate(store))
                        .dataFetcher("orderCreate", new ShopifyMutations.OrderCreate(store))
                        .dataFetcher("draftOrderCreate", new ShopifyMutations.DraftOrderCreate(store))
                        .dataFetcher("bulkOperationRunQuery", (DataFetcher<Object>) env -> bulk.run(env, schema, graphql)))
                .build();
    }

    private static Map<String, Object> wrapped(DataFetchingEnvironment env, String key, String field) {
        Object value = ((Map<?, ?>) env.getSource()).get(key);
        return value == null ? null : Map.of(field, value);
    }

    private Map<String, Object> node(String id) {
        ShopifyStore shop = store.get();
        for (Map<String, Map<String, Object>> records : List.of(shop.customers, shop.orders, shop.variants, shop.drafts,
                shop.bulkOperations)) {
            if (records.containsKey(id)) {
                return records == shop.bulkOperations ? bulk.status(records.get(id)) : records.get(id);
            }
        }
        return null;
    }

    private static Map<String, Object> count(DataFetchingEnvironment env, Iterable<Map<String, Object>> records) {
        var matches = ShopifyStore.search(env.getArgument("query"));
        int count = 0;
        for (Map<String, Object> record : records) {
            if (matches.test(record)) {
                count++;
            }
        }
        return count > 10_000 ? Map.of("count", 10_000, "precision", "AT_LEAST") : Map.of("count", count, "precision", "EXACT");
    }

    /** A cursor page: {@code first} records after {@code after}, in id order (or reversed). */
    private static Map<String, Object> connection(DataFetchingEnvironment env, Iterable<Map<String, Object>> records) {
        boolean bulk = Boolean.TRUE.equals(env.getGraphQlContext().get("bulk"));
        Integer first = env.getArgument("first");
        if (!bulk && first == null) {
            throw new IllegalArgumentException("you must provide one of first or last");
        }
        if (first != null && (first < 0 || first > MAX_PAGE)) {
            throw new IllegalArgumentException("The first argument cannot exceed " + MAX_PAGE + ".");
        }
        var matches = ShopifyStore.search(env.getArgument("query"));
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> record : records) {
            if (matches.test(record)) {
                all.add(record);
            }
        }
        all.sort(Comparator.comparingLong(r -> Long.parseLong(((String) r.get("id")).substring(((String) r.get("id")).lastIndexOf('/') + 1))));
        if (Boolean.TRUE.equals(env.getArgument("reverse"))) {
            java.util.Collections.reverse(all);
        }
        String after = env.getArgument("after");
        int from = after == null ? 0 : Integer.parseInt(new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8)) + 1;
        int to = first == null ? all.size() : Math.min(all.size(), from + first);
        List<Map<String, Object>> page = all.subList(Math.min(from, all.size()), to);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            edges.add(Map.of("cursor", cursor(from + i), "node", page.get(i)));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", to < all.size());
        pageInfo.put("hasPreviousPage", from > 0);
        pageInfo.put("startCursor", page.isEmpty() ? null : cursor(from));
        pageInfo.put("endCursor", page.isEmpty() ? null : cursor(to - 1));
        return Map.of("nodes", page, "edges", edges, "pageInfo", pageInfo);
    }

    private static String cursor(int index) {
        return Base64.getEncoder().encodeToString(Integer.toString(index).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("deprecation")
    private static GraphQLScalarType passThrough(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value) {
                return value;
            }

            @Override
            public Object parseValue(Object input) {
                return input;
            }

            @Override
            public Object parseLiteral(Object input) {
                if (input instanceof graphql.language.StringValue s) {
                    return s.getValue();
                }
                if (input instanceof IntValue i) {
                    return i.getValue();
                }
                if (input instanceof graphql.language.FloatValue f) {
                    return f.getValue();
                }
                throw new graphql.schema.CoercingParseLiteralException("Expected a string or number for " + name);
            }
        }).build();
    }

    private static String sdl() {
        try (InputStream in = ShopifyGraphql.class.getResourceAsStream("/shopify/admin-subset.graphqls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The Shopify schema is missing from the sandbox", e);
        }
    }
}
