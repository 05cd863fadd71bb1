package dev.syncline.catalog.queue;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.commons.testing.MetricsText;
import dev.syncline.commons.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The queue gauges come from the database: jobs another replica queued or lost show after the next read. */
@QuarkusTest
class QueueMetricsTest extends CatalogTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    QueueMetrics metrics;

    @Test
    void queuedAndDeadJobsShowPerTenantUntilASuccessFollowsTheDeadOne() {
        String tenant = CatalogApi.testTenant("mock");
        // As another replica leaves them: a CONFIG job that died, a FULL_PRODUCT job queued for tomorrow.
        TestDatabase.execute("""
                insert into catalog_sync.sync_job (tenant_id, type, status, trigger, attempts, max_attempts, finished_at)
                values ('%1$s', 'CONFIG', 'dead', 'schedule', 5, 5, now() - interval '1 hour')""".formatted(tenant), """
                insert into catalog_sync.sync_job (tenant_id, type, status, trigger, max_attempts, run_after)
                values ('%1$s', 'FULL_PRODUCT', 'queued', 'api', 5, now() + interval '1 day')""".formatted(tenant));

        metrics.refresh().await().atMost(WAIT);

        MetricsText scraped = MetricsText.scrape();
        assertEquals(1, scraped.value("syncline_catalog_queue_jobs", "state", "dead", "tenant", tenant));
        assertEquals(1, scraped.value("syncline_catalog_queue_jobs", "state", "queued", "tenant", tenant));

        // The tenant's CONFIG sync works again: the dead job no longer needs anyone.
        TestDatabase.execute("""
                insert into catalog_sync.sync_job (tenant_id, type, status, trigger, attempts, max_attempts, finished_at)
                values ('%s', 'CONFIG', 'succeeded', 'api', 1, 5, now())""".formatted(tenant),
                "delete from catalog_sync.sync_job where tenant_id = '%s' and status = 'queued'".formatted(tenant));
        metrics.refresh().await().atMost(WAIT);

        MetricsText later = MetricsText.scrape();
        assertEquals(0, later.value("syncline_catalog_queue_jobs", "state", "dead", "tenant", tenant));
        assertEquals(0, later.value("syncline_catalog_queue_jobs", "state", "queued", "tenant", tenant));
    }
}
