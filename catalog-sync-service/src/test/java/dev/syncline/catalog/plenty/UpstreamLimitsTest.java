package dev.syncline.catalog.plenty;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentyTruth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plenty's rate limit, throttling and token life, and Shopware's: a job slows down or logs in again, and loses nothing. */
@QuarkusTest
class UpstreamLimitsTest extends CatalogTestBase {

    @Test
    void aRateLimitStormSlowsTheSyncButLosesNothing() {
        PLENTY.reset(200);
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        PLENTY.limits(3, 1);
        PLENTY.faults(Map.of("throttleRate", 0.2, "retryAfterSeconds", 1));

        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", full.getString("status"), full.prettify());
        assertEquals(200, full.getLong("counts.written"));
        JsonPath stats = PLENTY.stats();
        assertTrue(stats.getLong("faultedRequests") > 0, "Plenty answered 429 along the way: " + stats.prettify());
        PLENTY.limits(10_000, 10);
        assertAgreesWithPlenty();
    }

    @Test
    void serverErrorsAndTimeoutsAreRetried() {
        PLENTY.reset(200);
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        PLENTY.faults(Map.of("errorRate", 0.25, "seed", 7));
        SHOPWARE.faults(Map.of("errorRate", 0.3, "seed", 11));

        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", full.getString("status"), full.prettify());
        assertTrue(PLENTY.stats().getLong("faultedRequests") > 0, PLENTY.stats().prettify());
        assertTrue(SHOPWARE.stats().getLong("faultedRequests") > 0, SHOPWARE.stats().prettify());
        assertAgreesWithPlenty();
    }

    @Test
    void expiredTokensAreRenewedAndARefusedOneLeadsToANewLogin() {
        given().baseUri(dev.syncline.catalog.support.PlentySandbox.sandboxUrl()).contentType(ContentType.JSON)
                .body(Map.of("variations", 100, "tokenLifetimeSeconds", 1)).post("/sandbox/plenty/main/reset").then().statusCode(200);
        given().baseUri(dev.syncline.catalog.support.PlentySandbox.sandboxUrl()).contentType(ContentType.JSON)
                .body(Map.of("tokenLifetimeSeconds", 1)).post("/sandbox/shopware/main/reset").then().statusCode(200);
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        PLENTY.faults(Map.of("latencyMs", 200));
        SHOPWARE.faults(Map.of("latencyMs", 200));

        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", full.getString("status"), full.prettify());
        JsonPath plenty = PLENTY.stats();
        assertTrue(plenty.getLong("refreshes") + plenty.getLong("logins") > 1, plenty.prettify());
        assertTrue(SHOPWARE.stats().getLong("tokensIssued") > 1);

        PLENTY.reset(60);
        PLENTY.faults(Map.of());
        assertEquals("succeeded", CatalogApi.sync(tenant, "CONFIG").getString("status"),
                "after the sandbox forgot every token, the cached one is refused (401) and the client logs in again");
        assertEquals(1, PLENTY.stats().getLong("logins"));
    }

    private static void assertAgreesWithPlenty() {
        PLENTY.faults(Map.of());
        PlentyTruth truth = new PlentyTruth(PLENTY);
        Map<String, Map<String, Object>> shop = PlentyTruth.byNumber(SHOPWARE.products());
        assertEquals(truth.expectedProducts(), shop.size());
        List<String> differences = new ArrayList<>();
        truth.variations.forEach(v -> differences.addAll(truth.differences(v, shop)));
        assertEquals(List.of(), differences);
    }
}
