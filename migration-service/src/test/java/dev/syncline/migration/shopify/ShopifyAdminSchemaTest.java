package dev.syncline.migration.shopify;

import dev.syncline.migration.store.StoreCustomer;
import dev.syncline.migration.store.StoreOrder;
import dev.syncline.migration.support.PublishedShopifySchema;
import graphql.GraphQLContext;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.Field;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.OperationDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the connector sends, held against Shopify's own Admin API 2025-07 schema (the introspection
 * result Shopify publishes): every document and the variables built for real sample records, none of
 * them using what 2025-07 deprecates; and the sandbox's schema, which must be Shopify's own.
 */
class ShopifyAdminSchemaTest {

    private static final StoreCustomer WITH_COUNTRY = new StoreCustomer("7", " Anna.Schmidt@Example.com ", "Anna", "Schmidt",
            "030 1234567", "Hauptstraße 1", "Berlin", "10115", "DE");
    /** As WooCommerce sends a customer whose billing address has no country: empty strings. */
    private static final StoreCustomer WITHOUT_COUNTRY = new StoreCustomer("8", "ohne.land@example.com", "Ohne", "Land", "",
            "Main Street 5", "Springfield", "", "");
    private static final List<StoreCustomer> CUSTOMERS = List.of(WITH_COUNTRY, WITHOUT_COUNTRY,
            new StoreCustomer("9", "klein@example.com", "Klein", "", null, "Ring 2", "Wien", "1010", "at"),
            new StoreCustomer("10", "nowhere@example.com", "No", "Where", null, "Road 1", "Town", "1", "XX"),
            new StoreCustomer("11", null, "Nur", "Name", "+4915112345678", null, null, null, null));

    private static GraphQLSchema shopify;
    private static Set<String> deprecatedInputFields;

    @BeforeAll
    static void publishedSchema() throws Exception {
        shopify = PublishedShopifySchema.schema();
        deprecatedInputFields = PublishedShopifySchema.deprecatedInputFields();
    }

    @Test
    void everyDocumentTheConnectorSendsIsValidAndUsesNothingDeprecated() throws Exception {
        Map<String, String> documents = documents();
        assertEquals(19, documents.size(), "every document, the bulk queries among them: " + documents.keySet());
        for (var document : documents.entrySet()) {
            Document parsed = Parser.parse(document.getValue());
            List<ValidationError> errors = new Validator().validateDocument(shopify, parsed, Locale.ENGLISH);
            assertTrue(errors.isEmpty(), document.getKey() + ": " + errors);
            assertEquals(List.of(), deprecatedIn(parsed), document.getKey() + " uses what 2025-07 deprecates");
        }
        // The check itself sees what the service used to read and send.
        assertEquals(List.of("Customer.email", "Customer.phone"),
                deprecatedIn(Parser.parse("query { customers(first: 1) { nodes { id email phone } } }")));
        Map<String, Object> withAddresses = new LinkedHashMap<>(ShopifyInputs.customer(WITH_COUNTRY, "woocommerce:7"));
        withAddresses.put("addresses", List.of(ShopifyInputs.address(WITH_COUNTRY).orElseThrow()));
        assertThrows(AssertionError.class, () -> accepted(ShopifyQueries.CUSTOMER_CREATE, Map.of("input", withAddresses)));
    }

    @Test
    void theVariablesBuiltForRealRecordsAreAcceptedAsShopifyTypesThem() {
        List<String> warnings = new ArrayList<>();
        for (StoreCustomer customer : CUSTOMERS) {
            accepted(ShopifyQueries.CUSTOMER_CREATE, Map.of("input", ShopifyInputs.customer(customer, "woocommerce:" + customer.id())));
            ShopifyInputs.address(customer).ifPresent(address -> accepted(ShopifyQueries.CUSTOMER_ADDRESS_CREATE,
                    ShopifyInputs.addressCreate("gid://shopify/Customer/" + customer.id(), address)));
        }
        for (StoreOrder order : orders()) {
            var lines = List.of(Map.entry(order.lines().get(0), Optional.of("gid://shopify/ProductVariant/5")),
                    Map.entry(order.lines().get(1), Optional.<String>empty()));
            accepted(ShopifyQueries.ORDER_CREATE, ShopifyInputs.order(order, "gid://shopify/Customer/7", "woocommerce:" + order.id(), lines, warnings));
            accepted(ShopifyQueries.ORDER_CREATE, ShopifyInputs.order(order, null, "woocommerce:" + order.id(), lines, warnings));
            accepted(ShopifyQueries.DRAFT_ORDER_CREATE, ShopifyInputs.draft(order, "gid://shopify/Customer/7", "woocommerce:" + order.id(), lines, warnings));
        }
        accepted(ShopifyQueries.CUSTOMERS, new LinkedHashMap<>(Map.of("first", ShopifyQueries.CUSTOMER_PAGE)));
        accepted(ShopifyQueries.CUSTOMER_NODES, Map.of("ids", List.of("gid://shopify/Customer/7")));
        accepted(ShopifyQueries.CUSTOMER_SEARCH, Map.of("query", "email:anna@example.com"));
    }

    @Test
    void anEmptyCountryIsLeftOutBecauseShopifysCountryCodeRefusesIt() {
        Map<String, Object> address = ShopifyInputs.address(WITHOUT_COUNTRY).orElseThrow();
        assertEquals(Map.of("address1", "Main Street 5", "city", "Springfield", "firstName", "Ohne", "lastName", "Land"), address);
        assertEquals("AT", ShopifyInputs.address(CUSTOMERS.get(2)).orElseThrow().get("countryCode"));
        assertFalse(ShopifyInputs.address(CUSTOMERS.get(3)).orElseThrow().containsKey("countryCode"), "XX is no CountryCode");
        // What the service used to send: Shopify's schema refuses the whole request.
        Map<String, Object> asWooSendsIt = new LinkedHashMap<>(address);
        asWooSendsIt.put("countryCode", "");
        assertThrows(graphql.GraphQLException.class, () -> accepted(ShopifyQueries.CUSTOMER_ADDRESS_CREATE,
                ShopifyInputs.addressCreate("gid://shopify/Customer/8", asWooSendsIt)));
    }

    @Test
    void theCountriesTheServiceSendsAreShopifysCountryCodes() {
        List<String> shopifys = ((GraphQLEnumType) shopify.getType("CountryCode")).getValues().stream()
                .map(GraphQLEnumValueDefinition::getName).sorted().toList();
        assertEquals(shopifys, ShopifyCountries.CODES.stream().sorted().toList());
    }

    @Test
    void theSandboxServesShopifysOwnTypesEnumsAndNullability() throws IOException {
        TypeDefinitionRegistry sandbox;
        try (InputStream in = ShopifyAdminSchemaTest.class.getResourceAsStream("/shopify/admin-subset.graphqls")) {
            sandbox = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(shopify.getQueryType().getName(), sandbox.schemaDefinition().orElseThrow().getOperationTypeDefinitions().get(0)
                .getTypeName().getName());
        List<String> differences = new ArrayList<>();
        sandbox.types().values().forEach(type -> {
            GraphQLNamedType real = (GraphQLNamedType) shopify.getType(type.getName());
            if (real == null) {
                differences.add(type.getName() + " is not Shopify's");
            } else if (type instanceof ImplementingTypeDefinition<?> object) {
                compareFields(object, (GraphQLFieldsContainer) real, differences);
            } else if (type instanceof InputObjectTypeDefinition input) {
                compare(type.getName(), inputFields(input.getInputValueDefinitions()), realInputFields((GraphQLInputObjectType) real), differences);
            } else if (type instanceof EnumTypeDefinition enumType) {
                compare(type.getName(), enumType.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList(),
                        ((GraphQLEnumType) real).getValues().stream().map(GraphQLEnumValueDefinition::getName).toList(), differences);
            }
        });
        sandbox.scalars().values().stream().map(ScalarTypeDefinition::getName).filter(name -> shopify.getType(name) == null)
                .forEach(name -> differences.add("scalar " + name + " is not Shopify's"));
        assertEquals(List.of(), differences);
        assertTrue(sandbox.types().containsKey("OrderCreateUserError") && sandbox.types().containsKey("CountryCode"));
    }

    // ---- documents and variables

    /** Every document constant of ShopifyQueries (the field lists they share are parts, not documents), and the bulk query. */
    private static Map<String, String> documents() throws IllegalAccessException {
        Map<String, String> documents = new TreeMap<>();
        for (var field : ShopifyQueries.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().endsWith("_FIELDS")) {
                field.setAccessible(true);
                documents.put(field.getName(), (String) field.get(null));
            }
        }
        for (String name : List.copyOf(documents.keySet())) {
            if (name.endsWith("_BULK")) {
                OperationDefinition bulk = (OperationDefinition) Parser.parse(documents.get(name)).getDefinitions().get(0);
                Field run = (Field) bulk.getSelectionSet().getSelections().get(0);
                documents.put(name + " (its query)", ((StringValue) run.getArguments().get(0).getValue()).getValue());
            }
        }
        return documents;
    }

    private static List<String> deprecatedIn(Document document) {
        List<String> deprecated = new ArrayList<>();
        OperationDefinition operation = (OperationDefinition) document.getDefinitions().get(0);
        GraphQLFieldsContainer root = operation.getOperation() == OperationDefinition.Operation.MUTATION
                ? shopify.getMutationType() : shopify.getQueryType();
        deprecatedIn(operation.getSelectionSet(), root, deprecated);
        return deprecated;
    }

    private static void deprecatedIn(SelectionSet selections, GraphQLFieldsContainer parent, List<String> deprecated) {
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof InlineFragment fragment) {
                deprecatedIn(fragment.getSelectionSet(), (GraphQLFieldsContainer) shopify.getType(fragment.getTypeCondition().getName()), deprecated);
            } else if (selection instanceof Field field && !field.getName().startsWith("__")) {
                GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
                if (definition.isDeprecated()) {
                    deprecated.add(parent.getName() + "." + field.getName());
                }
                field.getArguments().stream().filter(given -> definition.getArgument(given.getName()).isDeprecated())
                        .forEach(given -> deprecated.add(parent.getName() + "." + field.getName() + "(" + given.getName() + ")"));
                if (field.getSelectionSet() != null && GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLFieldsContainer child) {
                    deprecatedIn(field.getSelectionSet(), child, deprecated);
                }
            }
        }
    }

    /** Coerces the variables as Shopify's schema types them (throws when it refuses one) and finds no deprecated input field. */
    private static void accepted(String document, Map<String, Object> variables) {
        OperationDefinition operation = (OperationDefinition) Parser.parse(document).getDefinitions().get(0);
        assertTrue(new Validator().validateDocument(shopify, Parser.parse(document), Locale.ENGLISH).isEmpty(), document);
        ValuesResolver.coerceVariableValues(shopify, operation.getVariableDefinitions(), RawVariables.of(variables),
                GraphQLContext.getDefault(), Locale.ENGLISH);
        List<String> deprecated = new ArrayList<>();
        operation.getVariableDefinitions().forEach(definition -> deprecatedInputs(runtimeType(definition.getType()),
                variables.get(definition.getName()), "$" + definition.getName(), deprecated));
        assertEquals(List.of(), deprecated, operation.getName() + " sends what 2025-07 deprecates");
    }

    private static GraphQLInputType runtimeType(graphql.language.Type<?> type) {
        if (type instanceof graphql.language.NonNullType nonNull) {
            return GraphQLNonNull.nonNull(runtimeType(nonNull.getType()));
        }
        if (type instanceof graphql.language.ListType list) {
            return GraphQLList.list(runtimeType(list.getType()));
        }
        return (GraphQLInputType) shopify.getType(((graphql.language.TypeName) type).getName());
    }

    private static void deprecatedInputs(GraphQLInputType type, Object value, String path, List<String> deprecated) {
        GraphQLInputType bare = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list && value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                deprecatedInputs((GraphQLInputType) list.getWrappedType(), items.get(i), path + "." + i, deprecated);
            }
        } else if (bare instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> map) {
            for (GraphQLInputObjectField field : object.getFields()) {
                if (map.containsKey(field.getName())) {
                    if (deprecatedInputFields.contains(object.getName() + "." + field.getName())) {
                        deprecated.add(path + "." + field.getName());
                    }
                    deprecatedInputs(field.getType(), map.get(field.getName()), path + "." + field.getName(), deprecated);
                }
            }
        } else if (bare instanceof GraphQLNonNull) {
            throw new IllegalStateException("unreachable: " + path);
        }
    }

    private static List<StoreOrder> orders() {
        List<StoreOrder.Line> lines = List.of(new StoreOrder.Line("SKU-1", "Tasse", 2, new BigDecimal("9.90")),
                new StoreOrder.Line(null, "Gravur", 1, new BigDecimal("5.00")));
        Instant at = Instant.parse("2025-03-01T10:15:30Z");
        return List.of(
                new StoreOrder("101", "1101", "anna.schmidt@example.com", new BigDecimal("24.80"), "EUR", at, "paid", "fulfilled", "7",
                        "Anna", "Schmidt", "+49301234567", lines),
                new StoreOrder("102", "1102", "", new BigDecimal("24.80"), "EUR", at, "pending", "unfulfilled", null, null, null, null, lines),
                new StoreOrder("103", "#1103", null, new BigDecimal("24.80"), "USD", at, "refunded", "unfulfilled", null, "Ohne", "Land",
                        null, lines));
    }

    // ---- the sandbox's schema against Shopify's

    private static void compareFields(ImplementingTypeDefinition<?> type, GraphQLFieldsContainer real, List<String> differences) {
        for (FieldDefinition field : type.getFieldDefinitions()) {
            GraphQLFieldDefinition shopifys = real.getFieldDefinition(field.getName());
            String name = type.getName() + "." + field.getName();
            if (shopifys == null) {
                differences.add(name + " is not Shopify's");
                continue;
            }
            compare(name, AstPrinter.printAst(field.getType()), GraphQLTypeUtil.simplePrint(shopifys.getType()), differences);
            compare(name + " arguments", inputFields(field.getInputValueDefinitions()), shopifys.getArguments().stream()
                    .collect(Collectors.toMap(a -> a.getName(), a -> GraphQLTypeUtil.simplePrint(a.getType()), (a, b) -> a, TreeMap::new)),
                    differences);
            compare(name + " deprecated", field.hasDirective("deprecated"), shopifys.isDeprecated(), differences);
        }
    }

    private static Map<String, String> inputFields(List<InputValueDefinition> fields) {
        return fields.stream().collect(Collectors.toMap(InputValueDefinition::getName, f -> AstPrinter.printAst(f.getType())
                + (f.hasDirective("deprecated") ? " deprecated" : ""), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> realInputFields(GraphQLInputObjectType type) {
        return type.getFields().stream().collect(Collectors.toMap(GraphQLInputObjectField::getName, f -> GraphQLTypeUtil.simplePrint(f.getType())
                + (deprecatedInputFields.contains(type.getName() + "." + f.getName()) ? " deprecated" : ""), (a, b) -> a, TreeMap::new));
    }

    private static void compare(String what, Object sandbox, Object shopifys, List<String> differences) {
        if (!sandbox.equals(shopifys)) {
            differences.add(what + ": sandbox " + sandbox + ", Shopify " + shopifys);
        }
    }
}
