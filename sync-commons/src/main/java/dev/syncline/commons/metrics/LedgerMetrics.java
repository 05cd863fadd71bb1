package dev.syncline.commons.metrics;

import dev.syncline.commons.job.JobPauses;
import dev.syncline.commons.run.SyncRunLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each job's health as the run ledger tells it, so every replica exports the same numbers, and a
 * replica that just started knows what ran before it. Read every {@code syncline.metrics-refresh}
 * (15 s), kept for scrapes. The label is {@code sync_job}: Prometheus sets {@code job} itself, to
 * the scrape job.
 */
@ApplicationScoped
public class LedgerMetrics {

    static final List<String> STATUSES = List.of("running", "succeeded", "partial", "error");

    /**
     * Per job: last success (succeeded or partial) and last failure, when the current run started,
     * runs by status, errors since the last success, what the last finished run rejected, and the
     * median duration of its last 20 finished runs ("usual", for the long-run alert).
     */
    private static final String READ = """
            with per_job as (
                select job,
                       max(finished_at) filter (where status in ('succeeded', 'partial')) as last_success,
                       max(finished_at) filter (where status = 'error') as last_failure,
                       min(started_at) filter (where status = 'running') as running_since,
                       count(*) filter (where status = 'running') as running,
                       count(*) filter (where status = 'succeeded') as succeeded,
                       count(*) filter (where status = 'partial') as partial,
                       count(*) filter (where status = 'error') as error
                from sync_run group by job)
            select p.*,
                   coalesce(extract(epoch from p.last_success), 0)::float8 as last_success_epoch,
                   coalesce(extract(epoch from p.last_failure), 0)::float8 as last_failure_epoch,
                   coalesce(extract(epoch from p.running_since), 0)::float8 as running_since_epoch,
                   (select count(*) from sync_run r where r.job = p.job and r.status = 'error'
                       and r.finished_at > coalesce(p.last_success, '-infinity')) as consecutive_failures,
                   (select r.records_rejected from sync_run r where r.job = p.job and r.status <> 'running'
                       order by r.started_at desc limit 1) as last_rejected,
                   (select percentile_cont(0.5) within group (order by extract(epoch from d.finished_at - d.started_at))
                       from (select started_at, finished_at from sync_run r where r.job = p.job and r.status <> 'running'
                             order by r.started_at desc limit 20) d) as usual_seconds
            from per_job p""";

    private final Pool pool;
    private final SyncRunLedger ledger;
    private final CachedGauges lastSuccess;
    private final CachedGauges lastFailure;
    private final CachedGauges consecutiveFailures;
    private final CachedGauges runs;
    private final CachedGauges running;
    private final CachedGauges usualDuration;
    private final CachedGauges rejected;

    public LedgerMetrics(Pool pool, SyncRunLedger ledger, MeterRegistry registry) {
        this.pool = pool;
        this.ledger = ledger;
        lastSuccess = new CachedGauges(registry, "syncline.job.last.success.timestamp",
                "When the job last ended succeeded or partial (Unix time; 0: never)", "seconds");
        lastFailure = new CachedGauges(registry, "syncline.job.last.failure.timestamp",
                "When the job last ended in error (Unix time; 0: never)", "seconds");
        consecutiveFailures = new CachedGauges(registry, "syncline.job.consecutive.failures",
                "Runs of the job that ended in error since its last success", null);
        runs = new CachedGauges(registry, "syncline.job.runs", "Runs of the job in the ledger, by status", null);
        // Stored as the start time; a scrape turns it into the run's age at that moment.
        running = new CachedGauges(registry, "syncline.job.running", "Age of the job's current run (0: none runs)",
                "seconds", CachedGauges.SECONDS_SINCE);
        usualDuration = new CachedGauges(registry, "syncline.job.usual.duration",
                "Median duration of the job's last 20 finished runs", "seconds");
        rejected = new CachedGauges(registry, "syncline.job.records.rejected",
                "Records the job's last finished run rejected", null);
    }

    @Scheduled(identity = JobPauses.INTERNAL_PREFIX + "ledger-metrics", every = "${syncline.metrics-refresh:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        // A run whose replica died is closed first, as the status endpoints do, so it does not count as running.
        return ledger.closeAbandoned()
                .chain(ignored -> pool.query(READ).execute())
                .invoke(this::publish)
                .replaceWithVoid();
    }

    private void publish(RowSet<Row> rows) {
        Map<Tags, Double> success = new HashMap<>();
        Map<Tags, Double> failure = new HashMap<>();
        Map<Tags, Double> consecutive = new HashMap<>();
        Map<Tags, Double> byStatus = new HashMap<>();
        Map<Tags, Double> runningSince = new HashMap<>();
        Map<Tags, Double> usual = new HashMap<>();
        Map<Tags, Double> lastRejected = new HashMap<>();
        for (Row row : rows) {
            Tags job = Tags.of("sync_job", row.getString("job"));
            success.put(job, row.getDouble("last_success_epoch"));
            failure.put(job, row.getDouble("last_failure_epoch"));
            consecutive.put(job, row.getLong("consecutive_failures").doubleValue());
            runningSince.put(job, row.getDouble("running_since_epoch"));
            usual.put(job, row.getValue("usual_seconds") == null ? 0 : row.getDouble("usual_seconds"));
            lastRejected.put(job, row.getValue("last_rejected") == null ? 0 : row.getLong("last_rejected").doubleValue());
            for (String status : STATUSES) {
                byStatus.put(job.and("status", status), row.getLong(status).doubleValue());
            }
        }
        lastSuccess.update(success);
        lastFailure.update(failure);
        consecutiveFailures.update(consecutive);
        runs.update(byStatus);
        running.update(runningSince);
        usualDuration.update(usual);
        rejected.update(lastRejected);
    }
}
