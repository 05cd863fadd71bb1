package dev.syncline.magento.sync;

import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs whose lock or process went away: nothing overlaps, nothing is shown running that is not. */
@QuarkusTest
class SyncResilienceTest extends SyncTestBase {

    @Test
    void aRunThatLosesItsLockStopsAndTheNextTriggerRunsAlone() {
        JsonPath seeded = SandboxControl.resetMagento(Map.of("orders", 3000));
        SandboxControl.faults(Map.of("latencyMs", 150));
        long first = SyncApi.start(Map.of("fullSync", true, "batchSize", 100));
        await().atMost(Duration.ofSeconds(20)).until(() -> SyncApi.run(first).getLong("recordsRead") > 0);

        TestDatabase.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objsubid = 1 "
                + "and database = (select oid from pg_database where datname = current_database())");
        await().atMost(Duration.ofSeconds(10)).until(() -> !SyncApi.status().getBoolean("data.isRunning"));
        long second = SyncApi.start(Map.of("fullSync", true, "batchSize", 100));

        JsonPath lost = SyncApi.awaitRun(first);
        assertEquals("error", lost.getString("status"));
        assertThat(lost.getString("errorMessage"), containsString("lost its lock"));
        SandboxControl.faults(Map.of());
        JsonPath finished = SyncApi.awaitRun(second);
        assertEquals("partial", finished.getString("status"), finished.getString("errorMessage"));
        assertEquals("error", SyncApi.run(first).getString("status"), "the lost run's row is never rewritten");
        assertEquals(seeded.getInt("distinctConsumers"), consumerCount());
        assertEquals(seeded.getLong("maxEntityId"), watermark());
        assertEquals(0, TestDatabase.queryLong("select count(*) from magento_sync.consumer c join magento_sync.sync_run r "
                + "on r.id = " + first + " where c.created_at > r.finished_at and c.created_at < (select started_at from "
                + "magento_sync.sync_run where id = " + second + ")"), "nothing written between the two runs");
    }

    @Test
    void aRunLeftRunningByAKilledProcessIsShownInterruptedEverywhere() {
        TestDatabase.execute("insert into magento_sync.sync_run (job, mode, trigger, status) "
                + "values ('magento-consumers', 'full', 'cron', 'running')");

        JsonPath status = SyncApi.status();
        assertFalse(status.getBoolean("data.isRunning"));
        assertEquals("error", status.getString("data.lastRun.status"));
        assertThat(status.getString("data.lastRun.error"), containsString("Interrupted"));
        assertEquals("error", status.getString("data.dbSyncStatus.find { it.syncType == 'full' }.status"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/runs").then().statusCode(200)
                .body("status", not(org.hamcrest.Matchers.hasItem("running")));
    }

    @Test
    void aFailedRunSaysWhatHappenedInWordsAndTheTestPolicyApplies() {
        SandboxControl.resetMagento(Map.of("orders", 500));
        SandboxControl.faults(Map.of("failFromRequest", 1));

        long runId = SyncApi.syncAndWait(Map.of("fullSync", true));

        String error = SyncApi.run(runId).getString("errorMessage");
        assertEquals("Magento failed with HTTP 500: Internal Error. Details are available in Magento log file.; "
                + "gave up after 7 attempts", error);
        assertFalse(error.matches(".*\\b(dev|io|java)\\.[a-z]+\\..*"), "no class names: " + error);
        long failedRequests = given().baseUri(SandboxControl.url()).get("/sandbox/magento/stats").then().extract()
                .jsonPath().getLong("faultedRequests");
        assertEquals(7, failedRequests, "the test profile's syncline.upstream.magento.max-retries=6 applies");
        assertTrue(SyncApi.status().getString("data.lastRun.error").startsWith("Magento failed with HTTP 500"));
    }
}
