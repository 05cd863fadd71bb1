package dev.syncline.catalog.queue;

import dev.syncline.commons.job.JobPauses;
import dev.syncline.commons.metrics.CachedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * The job queue per tenant, as every replica sees it in the database: queued, running, and dead
 * jobs that still matter. A dead job stays dead in the history; it counts until a later job of the
 * same tenant and type succeeds, so the alert on it clears once the sync works again.
 */
@ApplicationScoped
public class QueueMetrics {

    private static final String READ = """
            select j.tenant_id::text as tenant, j.status, count(*) as jobs
            from sync_job j
            where j.status in ('queued', 'running')
               or (j.status = 'dead' and not exists (
                       select 1 from sync_job later
                       where later.tenant_id = j.tenant_id and later.type = j.type and later.id > j.id
                         and later.status in ('succeeded', 'partial')))
            group by j.tenant_id, j.status""";

    private final Pool pool;
    private final CachedGauges jobs;

    public QueueMetrics(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.jobs = new CachedGauges(registry, "syncline.catalog.queue.jobs",
                "Catalog jobs per tenant: queued, running, dead (not followed by a success of the same type)", null);
    }

    @Scheduled(identity = JobPauses.INTERNAL_PREFIX + "queue-metrics", every = "${syncline.metrics-refresh:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return pool.query(READ).execute().invoke(rows -> {
            Map<Tags, Double> counts = new HashMap<>();
            for (Row row : rows) {
                counts.put(Tags.of("tenant", row.getString("tenant"), "state", row.getString("status")),
                        row.getLong("jobs").doubleValue());
            }
            jobs.update(counts);
        }).replaceWithVoid();
    }
}
