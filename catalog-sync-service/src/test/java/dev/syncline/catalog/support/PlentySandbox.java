package dev.syncline.catalog.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** A Plentymarkets system of the sandbox: its control API, and its REST API read directly, as the truth to compare with. */
public record PlentySandbox(String instance) {

    public static final PlentySandbox MAIN = new PlentySandbox("main");

    public static String sandboxUrl() {
        return ConfigProvider.getConfig().getValue("sandbox.url", String.class);
    }

    public String restUrl() {
        return sandboxUrl() + "/plenty/" + instance;
    }

    public JsonPath reset(int variations) {
        return control("reset", Map.of("variations", variations));
    }

    /** A reset with more of the sandbox's reset settings (imagesPerItem, stockFields, …). */
    public JsonPath reset(int variations, Map<String, Object> settings) {
        Map<String, Object> body = new java.util.HashMap<>(settings);
        body.put("variations", variations);
        return control("reset", body);
    }

    public List<Long> change(int variations) {
        return control("changes", Map.of("variations", variations)).getList("changed", Long.class);
    }

    public List<Long> breakVariations(int count, String kind) {
        return control("broken", Map.of("count", count, "kind", kind)).getList("broken", Long.class);
    }

    public void repair(List<Long> ids) {
        control("repair", Map.of("ids", ids));
    }

    public void deactivate(List<Long> variationIds) {
        control("variations/deactivate", Map.of("ids", variationIds));
    }

    public void delete(List<Long> variationIds) {
        control("variations/delete", Map.of("ids", variationIds));
    }

    /** Moves a category under another parent (null: to the top) at a position among its new siblings. */
    public void moveCategory(long id, Long parentId, int position) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("id", id);
        body.put("parentId", parentId);
        body.put("position", position);
        control("categories/move", body);
    }

    /** Replaces every image of these items with a new file (new md5Checksum); the image ids. */
    public List<Long> changeImages(List<Long> itemIds) {
        return control("images/change", Map.of("itemIds", itemIds)).getList("changed", Long.class);
    }

    /** More values for an attribute, used by no variation; their ids. */
    public List<Long> addAttributeValues(long attributeId, int count) {
        return control("attributes/values", Map.of("attributeId", attributeId, "count", count)).getList("added", Long.class);
    }

    /** Deletes the first image each of these items has; the image ids. */
    public List<Long> deleteImages(List<Long> itemIds) {
        return control("images/delete", Map.of("itemIds", itemIds)).getList("deleted", Long.class);
    }

    /** Breaks the first image of these items at Plenty's CDN: {@code missing} (404) or {@code not-an-image}; the image ids. */
    public List<Long> breakImages(List<Long> itemIds, String kind) {
        return control("images/broken", Map.of("itemIds", itemIds, "kind", kind)).getList("broken", Long.class);
    }

    public void advanceClock(int minutes) {
        control("clock", Map.of("advanceMinutes", minutes));
    }

    public void limits(int shortPeriodLimit, int decaySeconds) {
        given().baseUri(sandboxUrl()).contentType(ContentType.JSON)
                .body(Map.of("shortPeriodLimit", shortPeriodLimit, "decaySeconds", decaySeconds))
                .put("/sandbox/plenty/" + instance + "/limits").then().statusCode(200);
    }

    public void faults(Map<String, Object> plan) {
        given().baseUri(sandboxUrl()).contentType(ContentType.JSON).body(plan)
                .put("/sandbox/plenty/" + instance + "/faults").then().statusCode(200);
    }

    public JsonPath stats() {
        return given().baseUri(sandboxUrl()).get("/sandbox/plenty/" + instance + "/stats").then().statusCode(200).extract().jsonPath();
    }

    /** A Plenty answer that is one object, not a page (e.g. /vat/standard). */
    public Map<String, Object> one(String path) {
        return given().baseUri(restUrl()).auth().oauth2(token()).get("/rest" + path).then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }

    private String token() {
        return given().baseUri(restUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", "sandbox-plenty", "password", "sandbox-plenty-password"))
                .post("/rest/login").then().statusCode(200).extract().jsonPath().getString("accessToken");
    }

    /** Every entry of a Plenty resource, read page by page with a token of our own. */
    public List<Map<String, Object>> all(String path, Map<String, String> query) {
        String token = token();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonPath answer = given().baseUri(restUrl()).auth().oauth2(token).queryParams(query)
                    .queryParam("page", page).queryParam("itemsPerPage", 250)
                    .get("/rest" + path).then().statusCode(200).extract().jsonPath();
            if (answer.get("entries") == null) {
                return answer.getList("$");
            }
            entries.addAll(answer.getList("entries"));
            if (answer.getBoolean("isLastPage")) {
                return entries;
            }
        }
    }

    private JsonPath control(String action, Map<String, Object> body) {
        return given().baseUri(sandboxUrl()).contentType(ContentType.JSON).body(body)
                .post("/sandbox/plenty/" + instance + "/" + action).then().statusCode(200).extract().jsonPath();
    }
}
