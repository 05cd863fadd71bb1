package dev.syncline.catalog.config;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentyTruth;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** CONFIG: the tenant's Plenty configuration cached whole, replaced only by a run that read all of it. */
@QuarkusTest
class ConfigSyncTest extends CatalogTestBase {

    @Test
    void theCacheHoldsPlentysConfigurationEntryForEntry() {
        // More values than Plenty's default page of 50: they come page by page.
        PLENTY.addAttributeValues(1, 70);
        String tenant = CatalogApi.testTenant("mock");
        JsonPath job = CatalogApi.sync(tenant, "CONFIG");
        assertEquals("succeeded", job.getString("status"), job.prettify());

        JsonPath cache = config(tenant);
        assertEquals(byId(PLENTY.all("/categories", Map.of()), c -> List.of(c.get("parentCategoryId") == null ? "" : c.get("parentCategoryId"),
                        c.get("level"), firstOf(c, "details", "name"))),
                byId(cache.getList("categories"), c -> List.of(c.get("parentId") == null ? "" : c.get("parentId"), c.get("level"), c.get("name"))));
        List<Map<String, Object>> attributes = PLENTY.all("/items/attributes", Map.of());
        assertEquals(byId(attributes, a -> List.of(a.get("backendName"), firstOf(a, "names", "name"))),
                byId(cache.getList("attributes"), a -> List.of(a.get("backendName"), a.get("name"))));
        Map<Object, Object> values = new HashMap<>();
        for (Map<String, Object> attribute : attributes) {
            values.putAll(byId(PLENTY.all("/items/attributes/" + attribute.get("id") + "/values", Map.of()),
                    v -> List.of(v.get("attributeId"), v.get("backendName"), firstOf(v, "valueNames", "name"))));
        }
        assertEquals(values, byId(cache.getList("attributeValues"), v -> List.of(v.get("attributeId"), v.get("backendName"), v.get("name"))));
        assertEquals(78 + 6, values.size(), "every value of both attributes");
        assertEquals(byId(PLENTY.all("/items/sales_prices", Map.of()), p -> List.of(firstOf(p, "names", "nameInternal"),
                        firstOf(p, "currencies", "currency"), p.get("type"))),
                byId(cache.getList("salesPrices"), p -> List.of(p.get("name"), p.get("currency"), p.get("type"))));
        assertEquals(byId(PLENTY.all("/items/manufacturers", Map.of()), m -> m.get("name")),
                byId(cache.getList("manufacturers"), m -> m.get("name")));
        assertEquals(byId(PLENTY.all("/items/units", Map.of()), u -> List.of(u.get("unitOfMeasurement"), firstOf(u, "names", "name"))),
                byId(cache.getList("units"), u -> List.of(u.get("unitOfMeasurement"), u.get("name"))));
        Map<String, Float> vat = PlentyTruth.standardVatRates(PLENTY).stream()
                .collect(Collectors.toMap(v -> v.get("id").toString(), v -> ((Number) v.get("vatRate")).floatValue()));
        assertEquals(vat, cache.getMap("vatRates", String.class, Float.class));
        assertFalse(cache.getList("categories").isEmpty());
        assertEquals(cache.getLong("runId"), job.getLong("runId"));
        assertEquals(job.getLong("counts.written"), job.getLong("counts.read"));
    }

    @Test
    void aRunThatFailsHalfwayLeavesThePreviousCacheWhole() {
        String tenant = CatalogApi.testTenant("mock");
        CatalogApi.syncConfig(tenant);
        JsonPath before = config(tenant);

        PLENTY.faults(Map.of("failFromRequest", 3));
        JsonPath failed = CatalogApi.sync(tenant, "CONFIG");

        assertEquals("dead", failed.getString("status"), failed.prettify());
        assertEquals(5, failed.getInt("attempts"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/runs/" + failed.getLong("runId")).then().statusCode(200)
                .body("status", equalTo("error")).body("errorMessage", containsString("Plentymarkets"));
        JsonPath after = config(tenant);
        assertEquals(before.getLong("runId"), after.getLong("runId"));
        assertEquals(before.getString("refreshedAt"), after.getString("refreshedAt"));
        assertEquals(before.getList("categories"), after.getList("categories"));
        assertEquals(before.getList("attributeValues"), after.getList("attributeValues"));
    }

    @Test
    void anAnswerThatIsNotPlentysNeverReplacesTheCache() throws Exception {
        String tenant = CatalogApi.testTenant("mock");
        CatalogApi.syncConfig(tenant);
        JsonPath before = config(tenant);

        // A server answering 200 {} to everything, then one that issues a token but pages without Plenty's envelope.
        for (String login : new String[] {"{}", "{\"accessToken\": \"t0k3n\", \"expiresIn\": 86400}"}) {
            Vertx vertx = Vertx.vertx();
            try {
                HttpServer notPlenty = vertx.createHttpServer().requestHandler(request -> request.response()
                                .putHeader("Content-Type", "application/json")
                                .end(request.path().endsWith("/login") ? login : "{}"))
                        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("name", "Not Plenty", "plentyUrl", "http://127.0.0.1:" + notPlenty.actualPort(),
                                "plentyUsername", "sandbox-plenty", "plentyPassword", "any"))
                        .put("/api/tenants/" + tenant).then().statusCode(200);

                JsonPath failed = CatalogApi.sync(tenant, "CONFIG");

                assertEquals("dead", failed.getString("status"), failed.prettify());
                given().auth().oauth2(TestTokens.viewer()).get("/api/runs/" + failed.getLong("runId")).then().statusCode(200)
                        .body("status", equalTo("error"))
                        .body("errorMessage", containsString(login.equals("{}") ? "no accessToken" : "paging envelope"));
                JsonPath after = config(tenant);
                assertEquals(before.getLong("runId"), after.getLong("runId"));
                assertEquals(before.getList("categories"), after.getList("categories"));
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aTenantWithoutCacheIsNamed() {
        String tenant = CatalogApi.testTenant("mock");
        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + tenant + "/config").then().statusCode(404)
                .body("detail", containsString("no CONFIG sync has succeeded yet"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/not-a-uuid/config").then().statusCode(400)
                .body("detail", containsString("tenantId must be a UUID"));
    }

    private static JsonPath config(String tenant) {
        return given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + tenant + "/config")
                .then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Object firstOf(Map<String, Object> entry, String list, String field) {
        return ((List<Map<String, Object>>) entry.get(list)).get(0).get(field);
    }

    private static Map<Object, Object> byId(List<Map<String, Object>> entries, java.util.function.Function<Map<String, Object>, Object> fields) {
        Map<Object, Object> map = new HashMap<>();
        entries.forEach(e -> map.put(((Number) e.get("id")).longValue(), fields.apply(e)));
        return map;
    }
}
