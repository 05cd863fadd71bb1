package dev.syncline.sandbox.crm;

import dev.syncline.sandbox.RunningSandbox;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CRM answers as Supabase's PostgREST does. */
class CrmSimulatorTest extends RunningSandbox {



    @BeforeEach
    void freshCrm() {
        control().body(Map.of("customers", 1500, "packages", 2500)).post("/sandbox/crm/reset").then().statusCode(200);
    }

    @Test
    void countsGoInContentRangeAndTheRowCapIsSilent() {
        Response capped = rest().header("Prefer", "count=exact").queryParam("limit", 5000).get("/rest/v1/customers");
        assertEquals(206, capped.statusCode());
        assertEquals("0-999/1500", capped.header("Content-Range"));
        assertEquals(1000, capped.jsonPath().getList("$").size(), "asked for 5000, got the server's 1000");

        Response uncounted = rest().queryParam("limit", 10).queryParam("offset", 1495).get("/rest/v1/customers");
        assertEquals("1495-1499/*", uncounted.header("Content-Range"));
        assertEquals(5, uncounted.jsonPath().getList("$").size());
    }

    @Test
    void rangeHeadersPageToo() {
        Response page = rest().header("Range-Unit", "items").header("Range", "10-19").header("Prefer", "count=exact")
                .queryParam("order", "id.asc").get("/rest/v1/packages");
        assertEquals("10-19/2500", page.header("Content-Range"));
        assertEquals(10, page.jsonPath().getList("$").size());
        List<String> ids = page.jsonPath().getList("id");
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void filtersSelectAndOrder() {
        List<Map<String, Object>> all = rest().queryParam("select", "id,customer_id").queryParam("limit", 3)
                .get("/rest/v1/packages").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(java.util.Set.of("id", "customer_id"), all.get(0).keySet());

        String first = (String) all.get(0).get("customer_id");
        String second = (String) all.get(1).get("customer_id");
        List<String> owners = rest().queryParam("customer_id", "in.(" + first + "," + second + ")")
                .queryParam("select", "customer_id").queryParam("limit", 1000)
                .get("/rest/v1/packages").then().statusCode(200).extract().jsonPath().getList("customer_id");
        assertEquals(new HashSet<>(List.of(first, second)), new HashSet<>(owners));

        List<String> emails = rest().queryParam("email", "ilike.*SOMCHAI*").queryParam("select", "email")
                .get("/rest/v1/customers").then().statusCode(200).extract().jsonPath().getList("email");
        assertTrue(!emails.isEmpty() && emails.stream().allMatch(e -> e.toLowerCase().contains("somchai")));

        rest().queryParam("nope", "eq.1").get("/rest/v1/customers").then().statusCode(400).body("code", equalTo("42703"));
        rest().get("/rest/v1/nothing").then().statusCode(404);
    }

    @Test
    void theApiKeyIsRequired() {
        given().baseUri(sandbox.url()).get("/rest/v1/customers").then().statusCode(401)
                .body("message", equalTo("No API key found in request"));
        given().baseUri(sandbox.url()).header("apikey", "wrong").get("/rest/v1/customers").then().statusCode(401)
                .body("message", equalTo("Invalid API key"));
    }

    @Test
    void nearDuplicatesAndFailingCustomers() {
        List<Map<String, Object>> customers = rest().queryParam("limit", 1000).get("/rest/v1/customers")
                .jsonPath().getList("$");
        long names = customers.stream().map(c -> c.get("name")).distinct().count();
        assertTrue(names < customers.size(), "some customers share a name");
        assertTrue(customers.stream().anyMatch(c -> ((String) c.get("phone")).startsWith("+66 ")));
        assertTrue(customers.stream().anyMatch(c -> ((String) c.get("phone")).matches("0\\d{2}-\\d{3}-\\d{4}")));

        String broken = (String) customers.get(3).get("id");
        control().body(Map.of("ids", List.of(broken))).put("/sandbox/crm/failing-customers").then().statusCode(200);
        rest().queryParam("customer_id", "in.(" + broken + ")").get("/rest/v1/packages").then().statusCode(500);
        rest().queryParam("customer_id", "eq." + customers.get(4).get("id")).get("/rest/v1/packages").then().statusCode(200);
    }

    private static RequestSpecification rest() {
        return given().baseUri(sandbox.url()).header("apikey", CrmSimulator.API_KEY)
                .header("Authorization", "Bearer " + CrmSimulator.API_KEY);
    }

    private static RequestSpecification control() {
        return given().baseUri(sandbox.url()).contentType(ContentType.JSON);
    }
}
