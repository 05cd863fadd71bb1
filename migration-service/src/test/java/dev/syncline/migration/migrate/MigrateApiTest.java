package dev.syncline.migration.migrate;

import dev.syncline.commons.testing.TestTokens;
import dev.syncline.migration.support.CommerceSandbox;
import dev.syncline.migration.support.MigrationApi;
import dev.syncline.migration.support.MigrationTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Migrations through the API, checked against what the sandbox stores afterwards. */
@QuarkusTest
class MigrateApiTest extends MigrationTestBase {

    @Test
    void customersThenOrdersMigrateToShopifyOnceAndTheComparisonComesOutEven() {
        List<String> customers = onlyInSource("customers", "woocommerce", "sourceCustomerId");
        int before = CommerceSandbox.held("shopify", "customers").size();

        JsonPath migrated = MigrationApi.syncCustomers("woocommerce", customers);
        assertEquals(customers.size(), migrated.getInt("summary.total"));
        assertEquals(customers.size(), migrated.getInt("summary.succeeded"));
        assertEquals(0, migrated.getInt("summary.failed"));
        assertEquals(before + customers.size(), CommerceSandbox.held("shopify", "customers").size());
        Map<String, Object> first = migrated.getMap("results[0]");
        assertTrue(first.get("newCustomerId").toString().startsWith("gid://shopify/Customer/"), first.toString());
        Map<String, Object> stored = CommerceSandbox.held("shopify", "customers").stream()
                .filter(c -> c.get("id").equals(first.get("newCustomerId"))).findFirst().orElseThrow();
        assertEquals(first.get("email").toString().trim().toLowerCase(), stored.get("email"));
        assertTrue(stored.get("phone").toString().startsWith("+49"), "phones arrive in E.164: " + stored);
        assertEquals(List.of("syncline-source:woocommerce:" + first.get("sourceId")), stored.get("tags"));

        JsonPath again = MigrationApi.syncCustomers("woocommerce", customers);
        assertEquals(customers.size(), again.getInt("summary.succeeded"));
        assertTrue(again.getList("results.how").stream().allMatch("alreadyMigrated"::equals), again.prettify());
        assertEquals(before + customers.size(), CommerceSandbox.held("shopify", "customers").size(), "nothing created twice");

        List<String> orders = onlyInSource("orders", "woocommerce", "sourceOrderId");
        int ordersBefore = CommerceSandbox.held("shopify", "orders").size();
        JsonPath orderRun = MigrationApi.syncOrders("woocommerce", orders, false);
        assertEquals(orders.size(), orderRun.getInt("summary.succeeded"), orderRun.prettify());
        assertTrue(orderRun.getList("results.newOrderId", String.class).stream().allMatch(id -> id.startsWith("gid://shopify/Order/")));
        assertTrue(orderRun.getList("results.warnings.flatten()", String.class).stream().anyMatch(w -> w.contains("custom line item")),
                "a SKU Shopify does not have is named: " + orderRun.prettify());
        assertEquals(orders.size(), MigrationApi.syncOrders("woocommerce", orders, false).getList("results.how").stream()
                .filter("alreadyMigrated"::equals).count());

        JsonPath customersAfter = MigrationApi.compare("customers", "woocommerce");
        assertEquals(0, customersAfter.getInt("summary.customersOnlyInSource"));
        JsonPath ordersAfter = MigrationApi.compare("orders", "woocommerce");
        assertEquals(0, ordersAfter.getInt("summary.ordersOnlyInSource"));
        assertEquals(CommerceSandbox.truth("orders", "woocommerce").getList("ambiguous").size(), ordersAfter.getInt("summary.ambiguous"));
        assertEquals(ordersBefore + orders.size(), CommerceSandbox.held("shopify", "orders").size(), "each order created once");
    }

    @Test
    void anOrderWhoseCustomerIsMissingBringsItsCustomerAlong() {
        CommerceSandbox.reset(Map.of("seed", 9, "sharedCustomers", 20, "wooOnlyCustomers", 30, "sharedOrders", 10, "wooOnlyOrders", 40,
                "products", 20));
        CommerceSandbox.put("/sandbox/shopify/limits", Map.of("maximumAvailable", 20000, "restoreRate", 1000));
        List<String> wooOnlyCustomers = onlyInSource("customers", "woocommerce", "sourceCustomerId");
        List<Map<String, Object>> ordersOfThem = CommerceSandbox.held("woo", "orders").stream()
                .filter(o -> wooOnlyCustomers.contains(o.get("customer_id").toString())).toList();
        assertFalse(ordersOfThem.isEmpty(), "the sandbox has orders of customers Shopify does not know");
        int customersBefore = CommerceSandbox.held("shopify", "customers").size();

        List<String> ids = ordersOfThem.stream().map(o -> o.get("id").toString()).toList();
        JsonPath run = MigrationApi.syncOrders("woocommerce", ids, false);
        assertEquals(ids.size(), run.getInt("summary.succeeded"), run.prettify());
        long owners = ordersOfThem.stream().map(o -> o.get("customer_id")).distinct().count();
        assertEquals(customersBefore + owners, CommerceSandbox.held("shopify", "customers").size(), "each owner created once");
        for (String orderId : run.getList("results.newOrderId", String.class)) {
            Map<String, Object> order = CommerceSandbox.held("shopify", "orders").stream().filter(o -> o.get("id").equals(orderId))
                    .findFirst().orElseThrow();
            assertTrue(order.get("customer") != null, "the order belongs to its customer: " + order);
        }
        JsonPath customerRun = MigrationApi.syncCustomers("woocommerce", ordersOfThem.stream().map(o -> o.get("customer_id").toString())
                .distinct().toList());
        assertTrue(customerRun.getList("results.how").stream().allMatch("alreadyMigrated"::equals), customerRun.prettify());
    }

    @Test
    void aCreateWhoseAnswerNeverCameIsFoundInsteadOfDuplicated() {
        List<String> customers = onlyInSource("customers", "woocommerce", "sourceCustomerId").subList(0, 3);
        CommerceSandbox.put("/sandbox/shopify/slow-creates", Map.of("count", 1, "delayMs", 2500));
        int before = CommerceSandbox.held("shopify", "customers").size();

        JsonPath run = MigrationApi.syncCustomers("woocommerce", customers);
        assertEquals(3, run.getInt("summary.succeeded"), run.prettify());
        assertEquals("foundAfterTimeout", run.getString("results[0].how"));
        assertEquals(before + 3, CommerceSandbox.held("shopify", "customers").size());

        List<String> orders = onlyInSource("orders", "shopify", "sourceOrderId").subList(0, 2);
        CommerceSandbox.put("/sandbox/woo/slow-creates", Map.of("count", 1, "delayMs", 2500));
        int wooBefore = CommerceSandbox.held("woo", "orders").size();
        JsonPath orderRun = MigrationApi.syncOrders("shopify", orders, false);
        assertEquals(2, orderRun.getInt("summary.succeeded"), orderRun.prettify());
        assertEquals("foundAfterTimeout", orderRun.getString("results[0].how"));
        assertEquals(wooBefore + 2, CommerceSandbox.held("woo", "orders").size());
    }

    @Test
    void throttlingSlowsAMigrationButFailsNothing() {
        List<String> customers = onlyInSource("customers", "woocommerce", "sourceCustomerId");
        // A bucket of four creates, refilled at a create every 100 ms: most creates have to wait.
        CommerceSandbox.put("/sandbox/shopify/limits", Map.of("maximumAvailable", 40, "restoreRate", 100, "throttledStatus", 429));
        JsonPath run = MigrationApi.syncCustomers("woocommerce", customers);
        assertEquals(customers.size(), run.getInt("summary.succeeded"), run.prettify());
        assertEquals(customers.size(), CommerceSandbox.stats().getInt("shopifyCreates"));
    }

    @Test
    void draftOrdersAreDraftsAndSaySo() {
        List<String> orders = onlyInSource("orders", "woocommerce", "sourceOrderId").subList(0, 2);
        JsonPath run = MigrationApi.syncOrders("woocommerce", orders, true);
        assertEquals(2, run.getInt("summary.succeeded"), run.prettify());
        assertEquals(List.of("draft", "draft"), run.getList("results.how"));
        assertTrue(run.getString("results[0].newOrderId").startsWith("gid://shopify/DraftOrder/"));
        assertTrue(run.getList("results[0].warnings", String.class).stream().anyMatch(w -> w.toLowerCase().contains("draft")), run.prettify());
        assertEquals(2, CommerceSandbox.held("shopify", "drafts").size());
    }

    @Test
    void aLongMigrationAnswersAtOnceAndReportsItsProgress() {
        List<String> customers = onlyInSource("customers", "woocommerce", "sourceCustomerId");
        long id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "woocommerce", "async", true,
                        "customers", customers.stream().map(c -> Map.of("sourceCustomerId", c)).toList()))
                .post("/api/customers/sync").then().statusCode(202).body("status", equalTo("running"))
                .extract().jsonPath().getLong("migrationId");
        JsonPath done = MigrationApi.awaitMigration(id);
        assertEquals("succeeded", done.getString("status"));
        assertEquals(customers.size(), done.getInt("processed"));
        assertEquals(customers.size(), done.getInt("summary.succeeded"));
        assertEquals(customers, done.getList("results.sourceId", String.class));
    }

    @Test
    void oneFailureNeverStopsTheBatch() {
        List<String> customers = onlyInSource("customers", "shopify", "sourceCustomerId");
        JsonPath run = MigrationApi.syncCustomers("shopify", customers);
        List<Map<String, Object>> failed = run.getList("results.findAll { !it.success }");
        assertFalse(failed.isEmpty(), "Shopify customers without email cannot become WooCommerce accounts");
        assertTrue(failed.stream().allMatch(f -> f.get("error").toString().contains("email")), failed.toString());
        assertEquals(customers.size() - failed.size(), run.getInt("summary.succeeded"));
        assertEquals("partial", run.getString("status"));
    }

    @Test
    void badSyncRequestsAreRefusedBeforeAnythingIsMigrated() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "ebay", "customers", List.of(Map.of("sourceCustomerId", "1"))))
                .post("/api/customers/sync").then().statusCode(400).body("detail", containsString("sourceOfTruth"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("sourceOfTruth", "woocommerce", "customers", List.of()))
                .post("/api/customers/sync").then().statusCode(400).body("detail", containsString("customers"));
        List<Map<String, String>> huge = IntStream.range(0, RecordLimit.MAX_RECORDS + 1)
                .mapToObj(i -> Map.of("sourceCustomerId", Integer.toString(i))).toList();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("sourceOfTruth", "woocommerce", "customers", huge))
                .post("/api/customers/sync").then().statusCode(400).body("field", equalTo("customers"))
                .body("detail", equalTo("customers holds 5001 records; at most 5000 are migrated at a time, so send them in parts"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "woocommerce", "orders", huge.stream().map(r -> Map.of("sourceOrderId", r.get("sourceCustomerId"))).toList()))
                .post("/api/orders/sync").then().statusCode(400).body("field", equalTo("orders"))
                .body("detail", org.hamcrest.Matchers.not(containsString("OrderRef")));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "woocommerce", "customers", List.of(Map.of("sourceCustomerId", "1"), Map.of("sourceCustomerId", "1"))))
                .post("/api/customers/sync").then().statusCode(400).body("detail", containsString("twice"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "woocommerce", "customers", List.of(Map.of("sourceCustomerId", "1"), Map.of("sourceCustomerId", "987654"))))
                .post("/api/customers/sync").then().statusCode(400).body("detail", containsString("987654"))
                .body("detail", containsString("nothing was migrated"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "shopify", "orders", List.of(Map.of("sourceOrderId", "gid://shopify/Order/1"))))
                .post("/api/orders/sync").then().statusCode(400).body("detail", containsString("gid://shopify/Order/1"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "woocommerce", "orders", List.of(Map.of("orderNumber", "1001"))))
                .post("/api/orders/sync").then().statusCode(400).body("detail", containsString("sourceOrderId"));
        given().auth().oauth2(admin).get("/api/migrations/424242").then().statusCode(404).body("detail", containsString("424242"));
        given().auth().oauth2(admin).get("/api/migrations/99999999999999999999").then().statusCode(400).body("field", equalTo("id"))
                .body("detail", containsString("99999999999999999999"));
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "woocommerce", "customers", List.of(Map.of("sourceCustomerId", "1"))))
                .post("/api/customers/sync").then().statusCode(403);
        assertEquals(0, CommerceSandbox.stats().getInt("shopifyCreates") + CommerceSandbox.stats().getInt("wooCreates"));
    }

    private static List<String> onlyInSource(String kind, String source, String field) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> d : MigrationApi.compare(kind, source).<Map<String, Object>>getList("differences")) {
            if ("onlyInSource".equals(d.get("matchStatus"))) {
                ids.add((String) d.get(field));
            }
        }
        return Collections.unmodifiableList(ids);
    }
}
