package dev.syncline.catalog.support;

import dev.syncline.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The service's API as an operator uses it: tenants, syncs, jobs. */
public final class CatalogApi {

    public static final String TEST_TENANT = "00000000-0000-0000-0000-000000000001";
    private static final Set<String> ENDED = Set.of("succeeded", "partial", "dead");

    private CatalogApi() {
    }

    /** The default test tenant on the sandbox's "main" Plenty and Shopware, in the given Shopware mode. */
    public static String testTenant(String shopwareMode) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("sandboxUrl", PlentySandbox.sandboxUrl(), "shopwareMode", shopwareMode))
                .post("/api/tenants/test-tenant").then().statusCode(200).extract().jsonPath().getString("id");
    }

    /** A tenant on the given sandbox Plenty system and Shopware shop. */
    public static String tenant(String name, PlentySandbox plenty, ShopwareSandbox shop, String mode) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "plentyUrl", plenty.restUrl(), "plentyUsername", "sandbox-plenty",
                        "plentyPassword", "sandbox-plenty-password", "shopwareMode", mode, "shopwareUrl", shop.apiUrl(),
                        "shopwareClientId", "SWIASANDBOXCLIENT", "shopwareClientSecret", "sandbox-shopware-secret"))
                .post("/api/tenants").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** Changes a tenant as its admin does: the fields it has, with the given settings (a null value: the default). */
    public static io.restassured.response.Response changeTenant(String tenant, Map<String, Object> settings) {
        Map<String, Object> body = new java.util.HashMap<>(given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + tenant)
                .then().statusCode(200).extract().jsonPath().getMap("$"));
        for (String viewOnly : List.of("id", "credentials", "configSchedule", "productSchedule", "createdAt", "updatedAt")) {
            body.remove(viewOnly);
        }
        body.putAll(settings);
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).put("/api/tenants/" + tenant);
    }

    /** Enqueues a sync as an admin; the job id. */
    public static long enqueue(String tenant, String type) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("type", type))
                .post("/api/tenants/" + tenant + "/syncs").then().statusCode(202).extract().jsonPath().getLong("jobId");
    }

    public static JsonPath job(long id) {
        return given().auth().oauth2(TestTokens.viewer()).get("/api/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the job has ended (succeeded, partial or dead) and answers it. */
    public static JsonPath awaitJob(long id) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> ENDED.contains(job(id).getString("status")));
        return job(id);
    }

    public static JsonPath sync(String tenant, String type) {
        return awaitJob(enqueue(tenant, type));
    }

    /** CONFIG, which every product sync needs first; fails the test unless it succeeded. */
    public static void syncConfig(String tenant) {
        JsonPath job = sync(tenant, "CONFIG");
        if (!"succeeded".equals(job.getString("status"))) {
            throw new AssertionError("CONFIG sync did not succeed: " + job.prettify());
        }
    }

    public static JsonPath syncState(String tenant) {
        return given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + tenant + "/sync-state")
                .then().statusCode(200).extract().jsonPath();
    }

    public static List<Map<String, Object>> rejected(long runId) {
        return given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 500).get("/api/runs/" + runId + "/rejected")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Every product of the mock shop, page by page. */
    public static List<Map<String, Object>> mockProducts(String tenant) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String after = "";
        while (after != null) {
            JsonPath page = given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 50).queryParam("after", after)
                    .get("/api/tenants/" + tenant + "/mock-products").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("products"));
            after = page.getString("next");
        }
        return all;
    }
}
