package dev.syncline.magento.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** The sandbox's control API, over HTTP like any client of it. */
public final class SandboxControl {

    private SandboxControl() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("sandbox.url", String.class);
    }

    public static JsonPath resetMagento(Map<String, Object> settings) {
        return post("/sandbox/magento/reset", settings);
    }

    public static JsonPath appendOrders(int count, int late) {
        return post("/sandbox/magento/orders", Map.of("count", count, "late", late));
    }

    public static JsonPath summary() {
        return given().baseUri(url()).get("/sandbox/magento/summary").then().statusCode(200).extract().jsonPath();
    }

    public static void faults(Map<String, Object> plan) {
        given().baseUri(url()).contentType(ContentType.JSON).body(plan)
                .put("/sandbox/magento/faults").then().statusCode(200);
    }

    /** The entity id of the last order on a 1-based page of {@code pageSize}, read through the Magento API. */
    public static long lastEntityIdOfPage(int page, int pageSize) {
        String token = given().baseUri(url()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-admin", "password", "sandbox-password"))
                .post("/rest/V1/integration/admin/token").then().statusCode(200).extract().as(String.class);
        return given().baseUri(url()).header("Authorization", "Bearer " + token).urlEncodingEnabled(true)
                .queryParam("searchCriteria[sortOrders][0][field]", "entity_id")
                .queryParam("searchCriteria[sortOrders][0][direction]", "ASC")
                .queryParam("searchCriteria[pageSize]", pageSize)
                .queryParam("searchCriteria[currentPage]", page)
                .get("/rest/V1/orders").then().statusCode(200).extract().jsonPath()
                .getLong("items[-1].entity_id");
    }

    public static JsonPath mailflowEvents() {
        return given().baseUri(url()).get("/sandbox/mailflow/events").then().statusCode(200).extract().jsonPath();
    }

    public static void clearMailflow() {
        given().baseUri(url()).delete("/sandbox/mailflow/events").then().statusCode(204);
    }

    private static JsonPath post(String path, Map<String, Object> body) {
        return given().baseUri(url()).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(200).extract().jsonPath();
    }
}
