package dev.syncline.magento.sync;

import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConsumerSyncTest extends SyncTestBase {

    @ParameterizedTest(name = "past the last page Magento answers {0}")
    @ValueSource(strings = {"clamp", "empty"})
    void fullSyncCreatesOneConsumerPerEmailAndPurchaseDate(String pageMode) {
        JsonPath seeded = SandboxControl.resetMagento(Map.of("orders", 2500, "pageMode", pageMode));

        long runId = SyncApi.syncAndWait(Map.of("fullSync", true, "batchSize", 300));

        JsonPath run = SyncApi.run(runId);
        int invalid = seeded.getInt("invalidOrders");
        assertTrue(invalid > 0, "the sandbox data has orders without a usable email");
        assertEquals("partial", run.getString("status"));
        assertEquals(2500, run.getLong("recordsRead"));
        assertEquals(seeded.getInt("distinctConsumers"), run.getLong("recordsCreated"));
        assertEquals(invalid, run.getLong("recordsRejected"));
        assertEquals(seeded.getInt("distinctConsumers"), consumerCount());
        assertEquals(seeded.getLong("maxEntityId"), watermark());
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 500)
                .get("/api/runs/" + runId + "/rejected")
                .then().statusCode(200)
                .body("size()", equalTo(invalid))
                .body("[0].reason", anyOf(containsString("no email"), containsString("not a valid address")));
    }

    @Test
    void storedConsumersAreNormalisedAndKeepTheirOrigin() {
        SandboxControl.resetMagento(Map.of("orders", 400));
        SyncApi.syncAndWait(Map.of("fullSync", true, "storeMapping", Map.of("1", "nl", "2", "be")));

        assertEquals(0, TestDatabase.queryLong(
                "select count(*) from magento_sync.consumer where email <> lower(trim(email_original))"));
        assertTrue(TestDatabase.queryLong(
                "select count(*) from magento_sync.consumer where email_original <> email") > 0,
                "some orders spelled their email with capitals or spaces");
        assertEquals(0, TestDatabase.queryLong(
                "select count(*) from magento_sync.consumer where store_code not in ('nl', 'be', '3')"));
        assertEquals(0, TestDatabase.queryLong(
                "select count(*) from magento_sync.consumer where first_name is null or source <> 'magento_sync'"));
    }

    @Test
    void incrementalSyncReadsOnlyNewOrdersAndMovesTheWatermark() {
        SandboxControl.resetMagento(Map.of("orders", 1200));
        SyncApi.syncAndWait(Map.of("fullSync", true, "batchSize", 250));
        int before = SandboxControl.summary().getInt("distinctConsumers");

        SandboxControl.appendOrders(700, 0);
        JsonPath after = SandboxControl.summary();
        long runId = SyncApi.syncAndWait(Map.of("batchSize", 250));

        JsonPath run = SyncApi.run(runId);
        assertEquals("incremental", run.getString("mode"));
        assertEquals(after.getInt("distinctConsumers") - before, run.getLong("recordsCreated"));
        assertTrue(run.getLong("recordsRead") <= 700 + 100, "reads the new orders and the settle window only");
        assertEquals(after.getInt("distinctConsumers"), consumerCount());
        assertEquals(after.getLong("maxEntityId"), watermark());
        assertEquals(after.getLong("maxEntityId"),
                SyncApi.status().getLong("data.dbSyncStatus.find { it.syncType == 'incremental' }.lastEntityId"));
    }

    @Test
    void lateCommittedOrdersBelowTheWatermarkArePickedUp() {
        SandboxControl.resetMagento(Map.of("orders", 600));
        SyncApi.syncAndWait(Map.of("fullSync", true));

        List<Long> late = SandboxControl.appendOrders(0, 3).getList("lateEntityIds", Long.class);
        assertEquals(3, late.size());
        assertTrue(late.stream().allMatch(id -> id < watermark()), "late orders sit below the watermark");
        SyncApi.syncAndWait(Map.of());

        assertEquals(SandboxControl.summary().getInt("distinctConsumers"), consumerCount());
    }

    @Test
    void aNoOpIncrementalCreatesNothing() {
        SandboxControl.resetMagento(Map.of("orders", 500));
        SyncApi.syncAndWait(Map.of("fullSync", true));
        long consumers = consumerCount();

        long runId = SyncApi.syncAndWait(Map.of());

        JsonPath run = SyncApi.run(runId);
        assertEquals(0, run.getLong("recordsCreated"));
        assertEquals(consumers, consumerCount());
        assertEquals(run.getLong("recordsRead"), run.getLong("recordsSkipped") + run.getLong("recordsRejected"));
    }

    @Test
    void testModeReadsOnePageAndMaxPagesLimitsTheRun() {
        SandboxControl.resetMagento(Map.of("orders", 1000));

        long testRun = SyncApi.syncAndWait(Map.of("fullSync", true, "testMode", true, "batchSize", 50));
        assertEquals(50, SyncApi.run(testRun).getLong("recordsRead"));

        long limited = SyncApi.syncAndWait(Map.of("fullSync", true, "maxPages", 3, "batchSize", 40));
        assertEquals(120, SyncApi.run(limited).getLong("recordsRead"));
        assertEquals(SandboxControl.lastEntityIdOfPage(3, 40), watermark());
    }

    @Test
    void statusShowsTheLatestRunFromTheDatabase() {
        SandboxControl.resetMagento(Map.of("orders", 300));
        long runId = SyncApi.syncAndWait(Map.of("fullSync", true, "batchSize", 100));

        JsonPath status = SyncApi.status();
        assertEquals(false, status.getBoolean("data.isRunning"));
        assertEquals(runId, status.getLong("data.lastRun.id"));
        assertEquals(300, status.getLong("data.progress.processed"));
        assertEquals(300, status.getLong("data.progress.total"));
        assertEquals(SyncApi.run(runId).getLong("recordsCreated"), status.getLong("data.progress.created"));
        assertEquals(watermark(), status.getLong("data.dbSyncStatus.find { it.syncType == 'full' }.lastEntityId"));
        assertEquals("stopped", status.getString("data.dbSyncStatus.find { it.syncType == 'full' }.status"));
    }
}
