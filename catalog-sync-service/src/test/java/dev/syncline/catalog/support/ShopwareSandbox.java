package dev.syncline.catalog.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** A Shopware shop of the sandbox: its control API, what it stores, and its Admin API for arranging a conflict. */
public record ShopwareSandbox(String instance) {

    public static final ShopwareSandbox MAIN = new ShopwareSandbox("main");

    public String apiUrl() {
        return PlentySandbox.sandboxUrl() + "/shopware/" + instance;
    }

    public void reset() {
        given().baseUri(PlentySandbox.sandboxUrl()).contentType(ContentType.JSON).body(Map.of())
                .post("/sandbox/shopware/" + instance + "/reset").then().statusCode(200);
    }

    /** A fresh shop with settings: {@code defaultCurrencyIso} makes another of its currencies the default one. */
    public void reset(Map<String, Object> settings) {
        given().baseUri(PlentySandbox.sandboxUrl()).contentType(ContentType.JSON).body(settings)
                .post("/sandbox/shopware/" + instance + "/reset").then().statusCode(200);
    }

    public void faults(Map<String, Object> plan) {
        given().baseUri(PlentySandbox.sandboxUrl()).contentType(ContentType.JSON).body(plan)
                .put("/sandbox/shopware/" + instance + "/faults").then().statusCode(200);
    }

    public JsonPath stats() {
        return given().baseUri(PlentySandbox.sandboxUrl()).get("/sandbox/shopware/" + instance + "/stats")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Every product the shop stores, as written. */
    public List<Map<String, Object>> products() {
        return given().baseUri(PlentySandbox.sandboxUrl()).get("/sandbox/shopware/" + instance + "/products")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** What the shop's storefront sales channel lists. */
    public JsonPath storefront() {
        return given().baseUri(PlentySandbox.sandboxUrl()).get("/sandbox/shopware/" + instance + "/storefront")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Every stored row of an entity (tax, category, property_group, …). */
    public List<Map<String, Object>> entities(String entity) {
        return given().baseUri(PlentySandbox.sandboxUrl()).get("/sandbox/shopware/" + instance + "/entities/" + entity)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Every {@code _action/sync} request body the shop received since its reset, oldest first, as sent. */
    public com.fasterxml.jackson.databind.JsonNode syncRequests() throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(given().baseUri(PlentySandbox.sandboxUrl())
                .get("/sandbox/shopware/" + instance + "/requests").then().statusCode(200).extract().asString());
    }

    /** Every media upload request the shop received since its reset, oldest first, with the status it answered. */
    public List<Map<String, Object>> uploads() {
        return given().baseUri(PlentySandbox.sandboxUrl()).get("/sandbox/shopware/" + instance + "/uploads")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Writes products through the Admin API, as another tool in the shop would. */
    public void upsert(List<Map<String, Object>> products) {
        adminSync(List.of(Map.of("entity", "product", "action", "upsert", "payload", products)));
    }

    /** Writes rows of an entity through the Admin API, as the shop's owner would. */
    public void upsert(String entity, List<Map<String, Object>> rows) {
        adminSync(List.of(Map.of("entity", entity, "action", "upsert", "payload", rows)));
    }

    /** What a sales channel's storefront lists. */
    public JsonPath storefront(String salesChannelId) {
        return given().baseUri(PlentySandbox.sandboxUrl()).get("/sandbox/shopware/" + instance + "/storefront/" + salesChannelId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Deletes rows of an entity through the Admin API, as the shop's owner would. */
    public void delete(String entity, List<String> ids) {
        adminSync(List.of(Map.of("entity", entity, "action", "delete", "payload", ids.stream().map(id -> Map.of("id", id)).toList())));
    }

    private void adminSync(List<Map<String, Object>> operations) {
        String token = given().baseUri(apiUrl()).contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials", "client_id", "SWIASANDBOXCLIENT",
                        "client_secret", "sandbox-shopware-secret"))
                .post("/api/oauth/token").then().statusCode(200).extract().jsonPath().getString("access_token");
        given().baseUri(apiUrl()).auth().oauth2(token).contentType(ContentType.JSON).body(operations)
                .post("/api/_action/sync").then().statusCode(200);
    }
}
