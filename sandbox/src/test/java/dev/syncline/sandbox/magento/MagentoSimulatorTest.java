package dev.syncline.sandbox.magento;

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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Magento simulator answers as Magento does: auth, search criteria, paging, envelope, faults. */
class MagentoSimulatorTest extends RunningSandbox {

    private String token;


    @BeforeEach
    void freshShop() {
        control().body(Map.of("orders", 1000)).post("/sandbox/magento/reset").then().statusCode(200);
        token = given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-admin", "password", "sandbox-password"))
                .post("/rest/V1/integration/admin/token").then().statusCode(200)
                .extract().as(String.class);
    }

    @Test
    void ordersNeedAValidToken() {
        given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-admin", "password", "wrong"))
                .post("/rest/V1/integration/admin/token").then().statusCode(401)
                .body("message", containsString("sign-in was incorrect"));
        given().baseUri(sandbox.url()).get("/rest/V1/orders").then().statusCode(401)
                .body("message", containsString("isn't authorized"));
        given().baseUri(sandbox.url()).header("Authorization", "Bearer made-up").get("/rest/V1/orders")
                .then().statusCode(401);
        given().baseUri(sandbox.url()).header("Authorization", "Bearer sandbox-integration-token")
                .queryParam("searchCriteria[pageSize]", 1).get("/rest/V1/orders").then().statusCode(200);
    }

    @Test
    void keysetPagesCountWhatRemainsAfterTheCursor() {
        JsonPath first = orders(Map.of(
                "searchCriteria[filter_groups][0][filters][0][field]", "entity_id",
                "searchCriteria[filter_groups][0][filters][0][value]", "0",
                "searchCriteria[filter_groups][0][filters][0][condition_type]", "gt",
                "searchCriteria[sortOrders][0][field]", "entity_id",
                "searchCriteria[sortOrders][0][direction]", "ASC",
                "searchCriteria[pageSize]", "300", "searchCriteria[currentPage]", "1"));
        assertEquals(1000, first.getInt("total_count"));
        List<Long> ids = first.getList("items.entity_id", Long.class);
        assertEquals(300, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(300, first.getInt("search_criteria.page_size"));
        assertEquals("gt", first.getString("search_criteria.filter_groups[0].filters[0].condition_type"));

        JsonPath next = orders(Map.of(
                "searchCriteria[filter_groups][0][filters][0][field]", "entity_id",
                "searchCriteria[filter_groups][0][filters][0][value]", ids.get(299).toString(),
                "searchCriteria[filter_groups][0][filters][0][condition_type]", "gt",
                "searchCriteria[pageSize]", "300"));
        assertEquals(700, next.getInt("total_count"));
        assertTrue(next.getLong("items[0].entity_id") > ids.get(299));
    }

    @Test
    void pastTheLastPageLegacyMagentoRepeatsItAndTheFixedOneAnswersEmpty() {
        Map<String, String> page99 = Map.of("searchCriteria[pageSize]", "300", "searchCriteria[currentPage]", "99");
        JsonPath clamped = orders(page99);
        JsonPath last = orders(Map.of("searchCriteria[pageSize]", "300", "searchCriteria[currentPage]", "4"));
        assertEquals(last.getList("items.entity_id"), clamped.getList("items.entity_id"));
        assertEquals(100, clamped.getList("items").size());

        control().body(Map.of("orders", 1000, "pageMode", "empty")).post("/sandbox/magento/reset").then().statusCode(200);
        token = MagentoSimulator.INTEGRATION_TOKEN;
        JsonPath empty = orders(page99);
        assertEquals(0, empty.getList("items").size());
        assertEquals(1000, empty.getInt("total_count"));
    }

    @Test
    void pageSizesAboveTheInputLimitAreRefused() {
        authorized().queryParam("searchCriteria[pageSize]", 301).get("/rest/V1/orders").then().statusCode(400)
                .body("message", equalTo("Maximum SearchCriteria pageSize is %max"))
                .body("parameters.max", equalTo(300));
        assertEquals(20, orders(Map.of()).getList("items").size(), "the default page size with input limits on");
    }

    @Test
    void filtersOnOtherFieldsOrGroupsAndSort() {
        JsonPath like = orders(Map.of(
                "searchCriteria[filter_groups][0][filters][0][field]", "customer_email",
                "searchCriteria[filter_groups][0][filters][0][value]", "%jansen%",
                "searchCriteria[filter_groups][0][filters][0][condition_type]", "like",
                "searchCriteria[pageSize]", "300"));
        assertTrue(like.getInt("total_count") > 0);
        like.getList("items.customer_email", String.class)
                .forEach(email -> assertTrue(email.toLowerCase().contains("jansen"), email));

        JsonPath stores = orders(Map.of(
                "searchCriteria[filter_groups][0][filters][0][field]", "store_id",
                "searchCriteria[filter_groups][0][filters][0][value]", "1,3",
                "searchCriteria[filter_groups][0][filters][0][condition_type]", "in",
                "searchCriteria[filter_groups][1][filters][0][field]", "entity_id",
                "searchCriteria[filter_groups][1][filters][0][value]", "500",
                "searchCriteria[filter_groups][1][filters][0][condition_type]", "lteq",
                "searchCriteria[sortOrders][0][field]", "entity_id",
                "searchCriteria[sortOrders][0][direction]", "DESC",
                "searchCriteria[pageSize]", "300"));
        List<Integer> storeIds = stores.getList("items.store_id", Integer.class);
        assertTrue(storeIds.stream().allMatch(id -> id == 1 || id == 3));
        List<Long> ids = stores.getList("items.entity_id", Long.class);
        assertTrue(ids.get(0) <= 500 && ids.get(0) > ids.get(ids.size() - 1), "descending, within the range");
    }

    @Test
    void faultsAreInjectedOnRequest() {
        control().body(Map.of("errorRate", 1.0)).put("/sandbox/magento/faults").then().statusCode(200);
        authorized().get("/rest/V1/orders").then().statusCode(500);

        control().body(Map.of("throttleRate", 1.0, "retryAfterSeconds", 3)).put("/sandbox/magento/faults")
                .then().statusCode(200);
        authorized().get("/rest/V1/orders").then().statusCode(429).header("Retry-After", "3");

        control().body(Map.of("malformedRate", 1.0)).put("/sandbox/magento/faults").then().statusCode(200);
        String broken = authorized().get("/rest/V1/orders").then().statusCode(200).extract().asString();
        assertTrue(broken.startsWith("{") && !broken.endsWith("}"), "a truncated body");

        control().body(Map.of("failFromRequest", 2)).put("/sandbox/magento/faults").then().statusCode(200);
        authorized().get("/rest/V1/orders").then().statusCode(200);
        authorized().get("/rest/V1/orders").then().statusCode(500);

        control().body(Map.of("errorRate", 2.0)).put("/sandbox/magento/faults").then().statusCode(400)
                .body("message", containsString("errorRate"));
    }

    @Test
    void appendedAndLateOrdersAppear() {
        JsonPath before = control().get("/sandbox/magento/summary").then().extract().jsonPath();
        JsonPath appended = control().body(Map.of("count", 50, "late", 2)).post("/sandbox/magento/orders")
                .then().statusCode(200).body("lateEntityIds", hasSize(2)).extract().jsonPath();

        assertEquals(1052, appended.getInt("summary.orders"));
        assertTrue(appended.getLong("summary.maxEntityId") > before.getLong("maxEntityId"));
        long late = appended.getLong("lateEntityIds[0]");
        assertTrue(late < appended.getLong("summary.maxEntityId"));
        control().get("/sandbox/magento/orders/" + late).then().statusCode(200)
                .body("entity_id", equalTo((int) late)).body("created_at", notNullValue());
        assertNotEquals(before.getInt("distinctConsumers"), appended.getInt("summary.distinctConsumers"));
    }

    private JsonPath orders(Map<String, String> query) {
        return authorized().queryParams(query).get("/rest/V1/orders").then().statusCode(200).extract().jsonPath();
    }

    private RequestSpecification authorized() {
        return given().baseUri(sandbox.url()).header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification control() {
        return given().baseUri(sandbox.url()).contentType(ContentType.JSON);
    }
}
