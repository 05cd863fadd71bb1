package dev.syncline.magento.sync;

import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Full syncs that read entity-id ranges side by side end exactly where one keyset stream ends. */
@QuarkusTest
class ParallelReadTest extends SyncTestBase {

    private static final String CONSUMERS = "select coalesce(md5(string_agg(concat_ws('|', email, purchase_date, magento_entity_id, "
            + "magento_increment_id, first_name, store_code), ',' order by email, purchase_date)), '') from magento_sync.consumer";
    private static final String EVENTS = "select coalesce(md5(string_agg(payload->>'email' || '|' || (payload->>'magentoIncrementId'), ',' "
            + "order by payload->>'email', payload->>'purchaseDate')), '') from magento_sync.outbox_event";

    @Test
    void fourReadersWriteExactlyWhatOneReaderWrites() {
        JsonPath seeded = SandboxControl.resetMagento(Map.of("orders", 4000, "seed", 41));
        SandboxControl.appendOrders(300, 25);
        JsonPath truth = SandboxControl.summary();

        JsonPath sequential = SyncApi.awaitRun(SyncApi.start(Map.of("fullSync", true, "batchSize", 100, "readers", 1)));
        String oneReader = TestDatabase.queryString(CONSUMERS);
        String oneReaderEvents = TestDatabase.queryString(EVENTS);
        long created = sequential.getLong("recordsCreated");
        emptyTheSchema();

        long parallelRun = SyncApi.start(Map.of("fullSync", true, "batchSize", 100, "readers", 4));
        JsonPath parallel = SyncApi.awaitRun(parallelRun);
        assertEquals(sequential.getString("status"), parallel.getString("status"), parallel.getString("errorMessage"));
        assertEquals(truth.getInt("distinctConsumers"), consumerCount());
        assertEquals(oneReader, TestDatabase.queryString(CONSUMERS), "the same consumers, each from its earliest order");
        assertEquals(oneReaderEvents, TestDatabase.queryString(EVENTS), "the same signup events");
        assertEquals(created, parallel.getLong("recordsCreated"));
        assertEquals(sequential.getLong("recordsRead"), parallel.getLong("recordsRead"), "every order read once");
        assertEquals(truth.getLong("maxEntityId"), watermark());
        assertEquals(0, TestDatabase.queryLong("select count(*) from magento_sync.read_range"), "a finished plan is forgotten");
        assertTrue(seeded.getInt("distinctConsumers") > 0);
    }

    @Test
    void aRunKilledMidwayIsContinuedWithoutReadingFinishedRangesAgain() {
        JsonPath truth = SandboxControl.resetMagento(Map.of("orders", 3000, "seed", 43));
        SandboxControl.faults(Map.of("latencyMs", 120));
        long first = SyncApi.start(Map.of("fullSync", true, "batchSize", 100, "readers", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> SyncApi.run(first).getLong("recordsRead") >= 900);

        TestDatabase.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objsubid = 1 "
                + "and database = (select oid from pg_database where datname = current_database())");
        JsonPath lost = SyncApi.awaitRun(first);
        assertEquals("error", lost.getString("status"));
        long watermarkAfterCrash = watermark();
        long readBefore = lost.getLong("recordsRead");
        assertTrue(TestDatabase.queryLong("select count(*) from magento_sync.read_range where not done") > 0, "unfinished ranges are kept");
        assertTrue(watermarkAfterCrash <= TestDatabase.queryLong(
                "select coalesce(min(cursor), 0) from magento_sync.read_range where not done"), "the watermark never passes an unfinished range");

        SandboxControl.faults(Map.of());
        JsonPath second = SyncApi.awaitRun(SyncApi.start(Map.of("fullSync", true, "batchSize", 100, "readers", 3)));
        assertEquals("partial", second.getString("status"), second.getString("errorMessage"));
        assertEquals(truth.getInt("distinctConsumers"), consumerCount());
        assertEquals(truth.getLong("maxEntityId"), watermark());
        assertTrue(second.getLong("recordsRead") <= 3000 - readBefore + 300,
                "the second run reads what the first left (and at most a page per range again): " + second.getLong("recordsRead"));
    }

    @Test
    void aStormOf429sWithFourReadersLosesNothing() {
        JsonPath truth = SandboxControl.resetMagento(Map.of("orders", 2500, "seed", 47));
        SandboxControl.faults(Map.of("throttleRate", 0.3, "retryAfterSeconds", 0, "seed", 5));
        JsonPath run = SyncApi.awaitRun(SyncApi.start(Map.of("fullSync", true, "batchSize", 100, "readers", 4)));
        assertEquals("partial", run.getString("status"), run.getString("errorMessage"));
        assertEquals(truth.getInt("distinctConsumers"), consumerCount());
        assertEquals(truth.getLong("maxEntityId"), watermark());
    }

    @Test
    void aReaderCountOutsideOneToSixteenIsRefusedNamingIt() {
        for (int readers : new int[] {0, 17}) {
            io.restassured.RestAssured.given().auth().oauth2(dev.syncline.commons.testing.TestTokens.admin())
                    .contentType(io.restassured.http.ContentType.JSON).body(Map.of("fullSync", true, "readers", readers))
                    .post(SyncApi.SYNC).then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("readers"));
        }
    }

    private static void emptyTheSchema() {
        TestDatabase.execute("truncate magento_sync.outbox_event, magento_sync.consumer, magento_sync.read_range restart identity cascade");
        TestDatabase.execute("update magento_sync.sync_status set last_entity_id = null, last_sync_at = null");
    }
}
