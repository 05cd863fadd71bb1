package dev.syncline.catalog.tenant;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentySandbox;
import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenants through the API: created, read, changed, deleted; credentials written, stored encrypted, never read back. */
@QuarkusTest
class TenantApiTest extends CatalogTestBase {

    private static final String PLENTY_PASSWORD = "plenty-pass-7Hq2";
    private static final String SHOPWARE_SECRET = "shop-secret-Zu8x";

    @Test
    void aTenantIsCreatedReadChangedAndDeleted() {
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(tenant())
                .post("/api/tenants").then().statusCode(201)
                .body("name", equalTo("Shop Nord")).body("shopwareMode", equalTo("api")).body("active", equalTo(true))
                .body("credentials.plentyPassword", equalTo(true)).body("credentials.shopwareClientSecret", equalTo(true))
                .body("configSchedule.source", equalTo("default")).body("productSchedule.nextFire", nullValue())
                .extract().jsonPath().getString("id");

        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + id).then().statusCode(200)
                .body("plentyUrl", equalTo("https://nord.plentymarkets-cloud01.com")).body("language", equalTo("de"));
        Map<String, Object> change = tenant();
        change.remove("plentyPassword");
        change.remove("shopwareClientSecret");
        change.put("name", "Shop Nord-Ost");
        change.put("configSchedule", "30 2 * * *");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(change).put("/api/tenants/" + id)
                .then().statusCode(200).body("name", equalTo("Shop Nord-Ost"))
                .body("configSchedule.cron", equalTo("30 2 * * *")).body("configSchedule.nextFire", notNullValue())
                .body("credentials.plentyPassword", equalTo(true));
        assertTrue(TestDatabase.queryString("select plenty_password from catalog_sync.tenant").contains("."),
                "the stored password was kept");
        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants").then().statusCode(200).body("$", hasSize(1));

        given().auth().oauth2(TestTokens.admin()).delete("/api/tenants/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + id).then().statusCode(404)
                .body("detail", containsString("No tenant " + id));
    }

    @Test
    void credentialsAreStoredEncryptedAndNeverAnswered() {
        String body = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(tenant())
                .post("/api/tenants").then().statusCode(201).extract().asString();
        String id = given().auth().oauth2(TestTokens.viewer()).get("/api/tenants").then().statusCode(200).extract().jsonPath().getString("[0].id");
        String list = given().auth().oauth2(TestTokens.viewer()).get("/api/tenants").asString();
        String one = given().auth().oauth2(TestTokens.admin()).get("/api/tenants/" + id).asString();

        for (String answer : new String[] {body, list, one}) {
            assertFalse(answer.contains(PLENTY_PASSWORD), answer);
            assertFalse(answer.contains(SHOPWARE_SECRET), answer);
        }
        String stored = TestDatabase.queryString("select plenty_password || ' ' || shopware_client_secret from catalog_sync.tenant");
        assertFalse(stored.contains(PLENTY_PASSWORD));
        assertFalse(stored.contains(SHOPWARE_SECRET));
    }

    @Test
    void theDefaultTestTenantPointsAtTheSandbox() {
        String id = CatalogApi.testTenant("mock");
        assertEquals("00000000-0000-0000-0000-000000000001", id);
        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + id).then().statusCode(200)
                .body("plentyUrl", equalTo(PlentySandbox.sandboxUrl() + "/plenty/main")).body("shopwareMode", equalTo("mock"));
        assertEquals(id, CatalogApi.testTenant("api"), "asked again, the same tenant is reset");
        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants").then().body("$", hasSize(1)).body("[0].shopwareMode", equalTo("api"));
    }

    @Test
    void badTenantsAreRefusedWithTheFieldNamed() {
        refused(without("name"), "name");
        refused(with("plentyUrl", "ftp://example.com"), "plentyUrl");
        refused(without("plentyPassword"), "plentyPassword is required for a new tenant");
        refused(without("shopwareClientSecret"), "shopwareClientSecret is required when shopwareMode is api");
        refused(without("shopwareUrl"), "shopwareUrl is required when shopwareMode is api");
        refused(with("shopwareMode", "live"), "shopwareMode");
        refused(with("productSchedule", "*/61 * * * *"), "productSchedule must be a Unix cron expression");
        refused(with("language", "deutsch"), "language");
        refused(with("id", "tenant-1"), "id");
        refused(with("active", "maybe"), "active");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/tenants").then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).get("/api/tenants/nope").then().statusCode(400)
                .body("detail", containsString("id must be a UUID"));
        assertEquals(0, TestDatabase.queryLong("select count(*) from catalog_sync.tenant"));
    }

    @Test
    void aStoredSecretIsNeverSentToAnotherHost() {
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(tenant())
                .post("/api/tenants").then().statusCode(201).extract().jsonPath().getString("id");
        String storedBefore = TestDatabase.queryString("select plenty_password || ' ' || shopware_client_secret from catalog_sync.tenant");

        Map<String, Object> change = tenant();
        change.remove("plentyPassword");
        change.remove("shopwareClientSecret");
        for (String otherOrigin : new String[] {"http://nord.plentymarkets-cloud01.com", "https://nord.plentymarkets-cloud01.com:8443",
                "http://127.0.0.1:9"}) {
            change.put("plentyUrl", otherOrigin);
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(change).put("/api/tenants/" + id)
                    .then().statusCode(400).body("field", equalTo("plentyPassword"))
                    .body("detail", containsString("another scheme, host or port"));
        }
        change.put("plentyUrl", "https://nord.plentymarkets-cloud01.com");
        change.put("shopwareUrl", "https://shop-nord-new.example.com");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(change).put("/api/tenants/" + id)
                .then().statusCode(400).body("field", equalTo("shopwareClientSecret"))
                .body("detail", containsString("another scheme, host or port"));
        assertEquals(storedBefore, TestDatabase.queryString("select plenty_password || ' ' || shopware_client_secret from catalog_sync.tenant"));

        // The same origin (another path, the default port spelled out) keeps both secrets.
        change.put("plentyUrl", "https://nord.plentymarkets-cloud01.com:443/");
        change.put("shopwareUrl", "https://shop-nord.example.com/shop");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(change).put("/api/tenants/" + id)
                .then().statusCode(200).body("credentials.plentyPassword", equalTo(true))
                .body("credentials.shopwareClientSecret", equalTo(true));
        // A new host with a new secret for it is a change like any other.
        change.put("plentyUrl", "http://127.0.0.1:9");
        change.put("plentyPassword", "for-the-new-host");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(change).put("/api/tenants/" + id)
                .then().statusCode(200).body("plentyUrl", equalTo("http://127.0.0.1:9"));
    }

    @Test
    void urlsWithCredentialsOrOutsideTheAllowedHostsAreRefused() {
        refused(with("plentyUrl", "https://rest-user:secret@nord.plentymarkets-cloud01.com"), "plentyUrl must not carry a user name or password");
        refused(with("shopwareUrl", "https://admin@shop-nord.example.com"), "shopwareUrl must not carry a user name or password");
        refused(with("plentyUrl", "https://attacker.example.org"), "plentyUrl's host attacker.example.org is not one of CATALOG_ALLOWED_UPSTREAM_HOSTS");
        refused(with("shopwareUrl", "http://169.254.169.254/latest"), "shopwareUrl's host 169.254.169.254 is not one of CATALOG_ALLOWED_UPSTREAM_HOSTS");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("sandboxUrl", "http://attacker.example.org"))
                .post("/api/tenants/test-tenant").then().statusCode(400).body("detail", containsString("attacker.example.org"));
        assertEquals(0, TestDatabase.queryLong("select count(*) from catalog_sync.tenant"));
    }

    @Test
    void aTenantIdIsCreatedOnceAndOnlyAdminsChangeTenants() {
        Map<String, Object> body = with("id", "3f6d2a9e-8d7b-4c1e-9a51-0c2b7e4d1f00");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/api/tenants").then().statusCode(201)
                .body("id", equalTo("3f6d2a9e-8d7b-4c1e-9a51-0c2b7e4d1f00"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/api/tenants").then().statusCode(409)
                .body("detail", containsString("exists already"));
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(tenant()).post("/api/tenants").then().statusCode(403);
        given().contentType(ContentType.JSON).body(tenant()).post("/api/tenants").then().statusCode(401);
        given().auth().oauth2(TestTokens.adminIssuedTo("migration-ui")).contentType(ContentType.JSON).body(tenant())
                .post("/api/tenants").then().statusCode(401);
        given().header("Authorization", "Bearer test-cron-secret").get("/api/tenants").then().statusCode(403);
        given().auth().oauth2(TestTokens.claimingCronRole()).delete("/api/tenants/3f6d2a9e-8d7b-4c1e-9a51-0c2b7e4d1f00")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants").then().statusCode(200).body("$", hasSize(1))
                .body("[0].name", not(equalTo(null)));
    }

    private static void refused(Map<String, Object> body, String named) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/api/tenants")
                .then().statusCode(400).body("detail", containsString(named));
    }

    private static Map<String, Object> tenant() {
        Map<String, Object> tenant = new HashMap<>();
        tenant.put("name", "Shop Nord");
        tenant.put("plentyUrl", "https://nord.plentymarkets-cloud01.com/");
        tenant.put("plentyUsername", "rest-user");
        tenant.put("plentyPassword", PLENTY_PASSWORD);
        tenant.put("shopwareMode", "api");
        tenant.put("shopwareUrl", "https://shop-nord.example.com");
        tenant.put("shopwareClientId", "SWIANORD");
        tenant.put("shopwareClientSecret", SHOPWARE_SECRET);
        tenant.put("productSchedule", "off");
        return tenant;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> tenant = tenant();
        tenant.put(field, value);
        return tenant;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> tenant = tenant();
        tenant.remove(field);
        return tenant;
    }
}
