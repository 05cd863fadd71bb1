package dev.syncline.catalog.queue;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.commons.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trigger row for a tenant's sync: the tenant comes from the row's params, the type from its body. */
@QuarkusTest
class TenantTriggerTest extends CatalogTestBase {

    @Test
    void aTriggerRowEnqueuesTheTenantsSync() {
        String tenant = CatalogApi.testTenant("mock");
        TestDatabase.execute("insert into catalog_sync.cron_trigger (job, params, body) values ('sync', "
                + "'{\"tenantId\": \"" + tenant + "\"}', '{\"type\": \"CONFIG\"}')");

        long jobId = awaitAnswer(202, "jobId");
        JsonPath job = CatalogApi.awaitJob(jobId);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals("cron", job.getString("trigger"));
    }

    @Test
    void aRowWithoutTheTenantOrWithABadTypeIsAnsweredWithTheReason() {
        String tenant = CatalogApi.testTenant("mock");
        TestDatabase.execute("insert into catalog_sync.cron_trigger (job, body) values ('sync', '{\"type\": \"CONFIG\"}')");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.queryLong(
                "select count(*) from catalog_sync.cron_trigger where answered_at is not null") == 1);
        assertEquals(400, TestDatabase.queryLong("select http_status from catalog_sync.cron_trigger"));
        assertTrue(TestDatabase.queryString("select answer from catalog_sync.cron_trigger").contains("tenantId"));

        TestDatabase.execute("insert into catalog_sync.cron_trigger (job, params, body) values ('sync', "
                + "'{\"tenantId\": \"" + tenant + "\"}', '{\"type\": \"EVERYTHING\"}')");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.queryLong(
                "select count(*) from catalog_sync.cron_trigger where answered_at is not null") == 2);
        assertEquals(400, TestDatabase.queryLong("select http_status from catalog_sync.cron_trigger order by id desc limit 1"),
                "the endpoint's own validation answers");
        assertEquals(0, TestDatabase.queryLong("select count(*) from catalog_sync.sync_job"));
    }

    private static long awaitAnswer(int status, String field) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.queryLong(
                "select count(*) from catalog_sync.cron_trigger where answered_at is not null") == 1);
        assertEquals(status, TestDatabase.queryLong("select http_status from catalog_sync.cron_trigger"));
        return TestDatabase.queryLong("select (answer::jsonb ->> '" + field + "')::bigint from catalog_sync.cron_trigger");
    }
}
