package dev.syncline.catalog;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.commons.testing.ApiDescription;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator looks at: health, metrics, the API description, and a log without credentials. */
@QuarkusTest
class CatalogOperationsTest extends CatalogTestBase {

    @Test
    void readinessCoversTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    @Test
    void metricsCountJobsAndUpstreamCallsPerKind() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        CatalogApi.sync(tenant, "FULL_PRODUCT");

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("syncline_runs_total{job=\"full-product:" + tenant + "\",status=\"succeeded\"}"))
                .body(containsString("syncline_upstream_calls_total{status=\"200\",upstream=\"plenty\"}"))
                .body(containsString("syncline_upstream_calls_total{status=\"200\",upstream=\"shopware\"}"));
    }

    @Test
    void theApiIsDescribed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/tenants/{tenantId}/syncs"))
                .body(containsString("/api/tenants/{tenantId}/mock-products"));
        assertEquals(List.of(), ApiDescription.answersWithoutSchema());
    }

    @Test
    void credentialsNeverReachTheLog() throws Exception {
        String canary = "canary-password-" + System.nanoTime();
        String tenant = CatalogApi.testTenant("api");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Leaky?", "plentyUrl", PLENTY.restUrl(), "plentyUsername", "sandbox-plenty",
                        "plentyPassword", canary, "shopwareMode", "api", "shopwareUrl", SHOPWARE.apiUrl(),
                        "shopwareClientId", "SWIASANDBOXCLIENT", "shopwareClientSecret", canary + "-secret"))
                .put("/api/tenants/" + tenant).then().statusCode(200);
        assertEquals("dead", CatalogApi.sync(tenant, "CONFIG").getString("status"), "the canary is a wrong password");
        CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        CatalogApi.sync(tenant, "FULL_PRODUCT");

        String log = Files.readString(Path.of("target/catalog-test.log"));
        assertTrue(log.contains("refused the login for user sandbox-plenty"), "the failure itself is logged");
        for (String secret : new String[] {canary, "sandbox-plenty-password", "sandbox-shopware-secret"}) {
            assertFalse(log.contains(secret), secret + " appears in the log");
        }
    }
}
