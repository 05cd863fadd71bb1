package dev.syncline.sandbox.commerce;

import dev.syncline.sandbox.RunningSandbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WooCommerce REST and Shopify GraphQL as a migration meets them: paging, auth, validation, cost, creates, bulk. */
class CommerceSimulatorTest extends RunningSandbox {

    @BeforeEach
    void world() {
        given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("sharedCustomers", 100, "wooOnlyCustomers", 30, "shopifyOnlyCustomers", 20,
                        "sharedOrders", 50, "wooOnlyOrders", 20, "shopifyOnlyOrders", 10))
                .post("/sandbox/commerce/reset").then().statusCode(200);
    }

    @Test
    void wooPagesAreBareArraysCountedInHeadersAndEmptyPastTheEnd() {
        JsonPath truth = given().baseUri(sandbox.url()).queryParam("kind", "customers").queryParam("sourceOfTruth", "woocommerce")
                .get("/sandbox/commerce/truth").then().statusCode(200).extract().jsonPath();
        int customers = truth.getInt("sourceCount");
        woo().queryParam("role", "all").queryParam("per_page", 100).queryParam("page", 1).get("/woo/wp-json/wc/v3/customers")
                .then().statusCode(200).header("X-WP-Total", Integer.toString(customers))
                .header("X-WP-TotalPages", Integer.toString((customers + 99) / 100))
                .header("Link", containsString("rel=\"next\"")).body("$", hasSize(100)).body("[0].date_created_gmt", notNullValue());
        woo().queryParam("role", "all").queryParam("per_page", 100).queryParam("page", 9).get("/woo/wp-json/wc/v3/customers")
                .then().statusCode(200).body("$", hasSize(0));
        woo().queryParam("per_page", 101).get("/woo/wp-json/wc/v3/orders").then().statusCode(400).body("code", equalTo("rest_invalid_param"));
        woo().queryParam("per_page", 5).get("/woo/wp-json/wc/v3/orders").then().statusCode(200)
                .body("[0].total", org.hamcrest.Matchers.instanceOf(String.class));
        given().baseUri(sandbox.url()).auth().preemptive().basic("ck_sandbox", "wrong").get("/woo/wp-json/wc/v3/orders")
                .then().statusCode(401).body("code", equalTo("woocommerce_rest_cannot_view"));
        given().baseUri(sandbox.url()).queryParam("consumer_key", "ck_sandbox").queryParam("consumer_secret", "cs_sandbox")
                .get("/woo/wp-json/wc/v3/orders").then().statusCode(200);
    }

    @Test
    void wooRefusesASecondAccountForOneEmail() {
        String email = woo().queryParam("per_page", 1).get("/woo/wp-json/wc/v3/customers").then().extract().path("[0].email");
        woo().contentType(ContentType.JSON).body(Map.of("email", email.trim().toLowerCase(), "first_name", "X"))
                .post("/woo/wp-json/wc/v3/customers").then().statusCode(400).body("code", equalTo("registration-error-email-exists"));
        woo().contentType(ContentType.JSON).body(Map.of("email", "new.person@example.com", "first_name", "Neu"))
                .post("/woo/wp-json/wc/v3/customers").then().statusCode(201).body("id", notNullValue());
    }

    @Test
    void shopifyValidatesQueriesAndChargesTheirCost() {
        shopify("{ customers(first: 10) { nodes { id defaultEmailAddress { emailAddress } } pageInfo { hasNextPage endCursor } } }").then().statusCode(200)
                .body("data.customers.nodes", hasSize(10)).body("data.customers.pageInfo.hasNextPage", equalTo(true))
                .body("extensions.cost.requestedQueryCost", equalTo(22.0f))
                .body("extensions.cost.throttleStatus.restoreRate", equalTo(100.0f));
        shopify("{ customers(first: 10) { nodes { id shoeSize } } }").then().statusCode(200)
                .body("errors[0].message", containsString("shoeSize"));
        shopify("{ customers(first: 300) { nodes { id } } }").then().body("errors[0].message", containsString("cannot exceed 250"));
        shopify("{ orders(first: 250) { nodes { id lineItems(first: 50) { nodes { sku } } } } }").then()
                .body("errors[0].extensions.code", equalTo("MAX_COST_EXCEEDED"));
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("query", "{ customers(first: 1) { nodes { id } } }"))
                .post("/shopify/admin/api/2025-07/graphql.json").then().statusCode(401);
    }

    @Test
    void anEmptyBucketAnswersThrottledWithTheConfiguredStatus() {
        given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("maximumAvailable", 300, "restoreRate", 1, "throttledStatus", 429))
                .put("/sandbox/shopify/limits").then().statusCode(200);
        shopify("{ customers(first: 250) { nodes { id } } }").then().statusCode(200);
        shopify("{ customers(first: 250) { nodes { id } } }").then().statusCode(429)
                .body("errors[0].extensions.code", equalTo("THROTTLED")).body("extensions.cost.requestedQueryCost", equalTo(252.0f));
    }

    @Test
    void aDuplicateEmailIsAUserError() {
        List<String> emails = shopify("{ customers(first: 5) { nodes { defaultEmailAddress { emailAddress } } } }").then().extract()
                .path("data.customers.nodes.defaultEmailAddress.emailAddress");
        String taken = emails.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        String mutation = "mutation create($input: CustomerInput!) { customerCreate(input: $input) { customer { id } userErrors { field message } } }";
        shopify(mutation, Map.of("input", Map.of("email", taken.toUpperCase()))).then().statusCode(200)
                .body("data.customerCreate.customer", equalTo(null))
                .body("data.customerCreate.userErrors[0].field[0]", equalTo("email"));
        given().baseUri(sandbox.url()).header("X-Shopify-Access-Token", "shpat_sandbox_token").contentType(ContentType.JSON)
                .body(Map.of("query", mutation, "variables", Map.of("input", Map.of("email", "neu@example.com"))))
                .post("/shopify/admin/api/2025-07/graphql.json").then().body("data.customerCreate.customer.id", notNullValue());
        shopify(mutation, Map.of("input", Map.of("email", "neu@example.com"))).then()
                .body("data.customerCreate.userErrors[0].message", equalTo("Email has already been taken"));
    }

    @Test
    void bulkExportsRunOneAtATimeInTheBackgroundAndGroupLineItemsAfterTheirOrder() throws InterruptedException {
        given().baseUri(sandbox.url()).contentType(ContentType.JSON).body(Map.of("runMs", 2000))
                .put("/sandbox/shopify/bulk").then().statusCode(200);
        JsonPath started = startBulk(true);
        assertEquals("RUNNING", started.getString("data.bulkOperationRunQuery.bulkOperation.status"));
        assertEquals(null, started.getString("data.bulkOperationRunQuery.bulkOperation.url"));
        assertEquals("OPERATION_IN_PROGRESS", startBulk(false).getString("data.bulkOperationRunQuery.userErrors[0].code"),
                "one bulk query per shop at a time");

        List<String> grouped = completedLines(started.getString("data.bulkOperationRunQuery.bulkOperation.id"));
        String order = null;
        for (String line : grouped) {
            JsonPath parsed = JsonPath.from(line);
            if (parsed.getString("__parentId") == null) {
                order = parsed.getString("id");
            } else {
                assertEquals(order, parsed.getString("__parentId"), "a line item right after its order: " + line);
            }
        }
        int orders = shopify("{ ordersCount { count } }").then().extract().path("data.ordersCount.count");
        assertEquals(orders, grouped.stream().filter(l -> !l.contains("__parentId")).count(), "every order of the store");
        assertTrue(grouped.size() > orders, "line items are lines of their own");

        List<String> ungrouped = completedLines(startBulk(false).getString("data.bulkOperationRunQuery.bulkOperation.id"));
        int lastOrder = 0;
        int firstLineItem = ungrouped.size();
        for (int i = 0; i < ungrouped.size(); i++) {
            if (ungrouped.get(i).contains("__parentId")) {
                firstLineItem = Math.min(firstLineItem, i);
            } else {
                lastOrder = i;
            }
        }
        assertTrue(lastOrder < firstLineItem, "without groupObjects the line items come after every order");
        assertEquals(grouped.size(), ungrouped.size());
    }

    private static JsonPath startBulk(boolean grouped) {
        String bulk = "mutation start($grouped: Boolean!) { bulkOperationRunQuery(query: \"{ orders { edges { node { id name "
                + "lineItems { edges { node { sku } } } } } } }\", groupObjects: $grouped) { bulkOperation { id status url } "
                + "userErrors { code field message } } }";
        return shopify(bulk, Map.of("grouped", grouped)).then().statusCode(200).extract().jsonPath();
    }

    /** Polls the operation as a client does until it has completed, then reads its file. */
    private static List<String> completedLines(String id) throws InterruptedException {
        String status = "query status($id: ID!) { node(id: $id) { ... on BulkOperation { status url rootObjectCount } } }";
        for (int poll = 0; poll < 100; poll++) {
            JsonPath operation = shopify(status, Map.of("id", id)).then().statusCode(200).extract().jsonPath();
            if ("COMPLETED".equals(operation.getString("data.node.status"))) {
                return given().get(operation.getString("data.node.url")).then().statusCode(200).extract().asString().lines().toList();
            }
            assertEquals("RUNNING", operation.getString("data.node.status"));
            Thread.sleep(50);
        }
        throw new AssertionError("the bulk operation " + id + " never completed");
    }

    @Test
    void variablesOfTheWrongEnumValueAreRefusedAtTheTopLevelAsShopifyRefusesThem() {
        String create = "mutation create($input: CustomerInput!) { customerCreate(input: $input) { customer { id } userErrors { field message } } }";
        String id = shopify(create, Map.of("input", Map.of("email", "adresse@example.com"))).then().statusCode(200)
                .extract().path("data.customerCreate.customer.id");
        String address = "mutation address($customerId: ID!, $address: MailingAddressInput!) { customerAddressCreate(customerId: $customerId, "
                + "address: $address, setAsDefault: true) { address { id countryCodeV2 } userErrors { field message } } }";
        shopify(address, Map.of("customerId", id, "address", Map.of("address1", "Hauptstraße 1", "countryCode", ""))).then().statusCode(200)
                .body("data", equalTo(null))
                .body("errors[0].message", startsWith("Variable $address of type MailingAddressInput! was provided invalid value "
                        + "for countryCode (Expected \"\" to be one of: AF, AX, AL, DZ,"))
                .body("errors[0].extensions.code", equalTo("INVALID_VARIABLE"))
                .body("errors[0].extensions.problems[0].path", equalTo(List.of("countryCode")))
                .body("errors[0].extensions.problems[0].explanation", containsString("GE, DE, GH"));
        shopify(address, Map.of("customerId", id, "address", Map.of("address1", "Hauptstraße 1", "shoeSize", 44))).then()
                .body("errors[0].extensions.problems[0].explanation", equalTo("Field is not defined on MailingAddressInput"));
        shopify(address, Map.of("customerId", id, "address", Map.of("address1", "Hauptstraße 1"))).then().statusCode(200)
                .body("data.customerAddressCreate.address.countryCodeV2", equalTo(null))
                .body("data.customerAddressCreate.userErrors", hasSize(0));
        shopify(address, Map.of("customerId", id, "address", Map.of("address1", "Hauptstraße 1", "countryCode", "DE"))).then()
                .body("data.customerAddressCreate.address.countryCodeV2", equalTo("DE"));
        String order = "mutation o($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { field message code } } }";
        shopify(order, Map.of("order", Map.of("currency", "PRB", "lineItems", List.of(Map.of("title", "T", "quantity", 1))))).then()
                .body("errors[0].extensions.problems[0].path", equalTo(List.of("currency")))
                .body("errors[0].extensions.problems[0].explanation", startsWith("Expected \"PRB\" to be one of: "));
    }

    private static RequestSpecification woo() {
        return given().baseUri(sandbox.url()).auth().preemptive().basic("ck_sandbox", "cs_sandbox");
    }

    private static io.restassured.response.Response shopify(String query) {
        return shopify(query, Map.of());
    }

    private static io.restassured.response.Response shopify(String query, Map<String, Object> variables) {
        return given().baseUri(sandbox.url()).header("X-Shopify-Access-Token", "shpat_sandbox_token").contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables)).post("/shopify/admin/api/2025-07/graphql.json");
    }
}
