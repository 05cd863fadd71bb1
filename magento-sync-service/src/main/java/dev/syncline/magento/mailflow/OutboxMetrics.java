package dev.syncline.magento.mailflow;

import dev.syncline.commons.job.JobPauses;
import dev.syncline.commons.metrics.CachedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** The mailing outbox's backlog as the database holds it, so every replica exports the same numbers. */
@ApplicationScoped
public class OutboxMetrics {

    /** The pending index (delivered_at is null) keeps this cheap however many events were delivered. */
    private static final String READ = """
            select count(*) as pending,
                   coalesce(extract(epoch from min(created_at)), 0)::float8 as oldest_since
            from outbox_event where delivered_at is null""";

    private final Pool pool;
    private final CachedGauges pending;
    private final CachedGauges oldest;

    public OutboxMetrics(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        pending = new CachedGauges(registry, "syncline.mailflow.outbox.pending",
                "Outbox events not yet delivered to the mailing webhook", null);
        // Stored as the oldest event's creation time; a scrape turns it into its age at that moment.
        oldest = new CachedGauges(registry, "syncline.mailflow.outbox.oldest",
                "Age of the oldest undelivered outbox event (0: none)", "seconds",
                CachedGauges.SECONDS_SINCE);
    }

    @Scheduled(identity = JobPauses.INTERNAL_PREFIX + "outbox-metrics", every = "${syncline.metrics-refresh:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return pool.query(READ).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            pending.update(Map.of(Tags.empty(), row.getLong("pending").doubleValue()));
            oldest.update(Map.of(Tags.empty(), row.getDouble("oldest_since")));
        }).replaceWithVoid();
    }
}
