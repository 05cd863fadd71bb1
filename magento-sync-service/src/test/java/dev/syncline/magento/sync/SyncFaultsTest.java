package dev.syncline.magento.sync;

import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Magento misbehaving: the data still ends up exact, or the run stops cleanly where it was. */
@QuarkusTest
class SyncFaultsTest extends SyncTestBase {

    @Test
    void failingAndThrottledPagesAreRetriedToExactData() {
        JsonPath seeded = SandboxControl.resetMagento(Map.of("orders", 3000));
        SandboxControl.faults(Map.of("errorRate", 0.2, "throttleRate", 0.05, "retryAfterSeconds", 1, "seed", 7));

        long runId = SyncApi.syncAndWait(Map.of("fullSync", true, "batchSize", 100));

        assertEquals("partial", SyncApi.run(runId).getString("status"), SyncApi.run(runId).getString("errorMessage"));
        assertEquals(seeded.getInt("distinctConsumers"), consumerCount());
        assertEquals(seeded.getLong("maxEntityId"), watermark());
        assertTrue(stats().getLong("faultedRequests") > 0, "the sandbox did inject faults");
    }

    @Test
    void brokenPagesAndTimeoutsAreRetried() {
        JsonPath seeded = SandboxControl.resetMagento(Map.of("orders", 1500));
        SandboxControl.faults(Map.of("malformedRate", 0.15, "timeoutRate", 0.05, "timeoutMs", 4000, "seed", 11));

        long runId = SyncApi.syncAndWait(Map.of("fullSync", true, "batchSize", 100));

        assertEquals("partial", SyncApi.run(runId).getString("status"), SyncApi.run(runId).getString("errorMessage"));
        assertEquals(seeded.getInt("distinctConsumers"), consumerCount());
        assertTrue(stats().getLong("faultedRequests") > 0, "the sandbox did inject faults");
    }

    @Test
    void aPersistentFailureStopsTheRunAtTheLastCommittedPageAndTheNextRunFinishes() {
        JsonPath seeded = SandboxControl.resetMagento(Map.of("orders", 2000));
        long lastCommitted = SandboxControl.lastEntityIdOfPage(3, 200);
        SandboxControl.faults(Map.of("failFromRequest", 4));

        long failed = SyncApi.syncAndWait(Map.of("fullSync", true, "batchSize", 200, "readers", 1));

        JsonPath run = SyncApi.run(failed);
        assertEquals("error", run.getString("status"));
        assertThat(run.getString("errorMessage"), containsString("HTTP 500"));
        assertEquals(600, run.getLong("recordsRead"), run.getString("errorMessage"));
        assertEquals(lastCommitted, watermark());
        JsonPath status = SyncApi.status();
        assertEquals("error", status.getString("data.dbSyncStatus.find { it.syncType == 'full' }.status"));

        SandboxControl.faults(Map.of());
        circuitBreakers.resetAll();
        long resumed = SyncApi.syncAndWait(Map.of("batchSize", 200));

        assertEquals("incremental", SyncApi.run(resumed).getString("mode"));
        assertEquals(seeded.getInt("distinctConsumers"), consumerCount());
        assertEquals(seeded.getLong("maxEntityId"), watermark());
    }

    @Test
    void anExpiredAdminTokenIsRenewed() {
        JsonPath seeded = SandboxControl.resetMagento(Map.of("orders", 1200, "tokenLifetimeSeconds", 1));
        SandboxControl.faults(Map.of("latencyMs", 400));

        SyncApi.syncAndWait(Map.of("fullSync", true, "batchSize", 300));

        assertEquals(seeded.getInt("distinctConsumers"), consumerCount());
        assertTrue(stats().getLong("logins") >= 2, "logged in again after Magento refused the expired token");
    }

    @Test
    void aRefusedLoginEndsTheRunWithoutHammeringMagento() {
        SandboxControl.resetMagento(Map.of("orders", 100, "adminPassword", "rotated-by-the-shop"));

        long runId = SyncApi.syncAndWait(Map.of("fullSync", true));

        JsonPath run = SyncApi.run(runId);
        assertEquals("error", run.getString("status"));
        assertEquals("Magento refused the admin login for user sandbox-admin (HTTP 401)", run.getString("errorMessage"));
        assertEquals(1, stats().getLong("logins"), "a refused login is not retried");
        assertEquals(0, consumerCount());
    }

    private static JsonPath stats() {
        return io.restassured.RestAssured.given().baseUri(SandboxControl.url())
                .get("/sandbox/magento/stats").then().statusCode(200).extract().jsonPath();
    }
}
