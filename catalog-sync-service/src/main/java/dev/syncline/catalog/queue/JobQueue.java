package dev.syncline.catalog.queue;

import dev.syncline.commons.config.SynclineConfig;
import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.run.RunTrigger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The job queue, a table: enqueued once per tenant and type while one is queued or running; claimed
 * with FOR UPDATE SKIP LOCKED, so replicas never take the same job; every state change of a claimed
 * job is made only by the worker that holds the claim ({@code claimed_by}).
 */
@ApplicationScoped
public class JobQueue {

    private final Pool pool;
    private final String schema;

    public JobQueue(Pool pool, SynclineConfig syncline) {
        this.pool = pool;
        this.schema = syncline.schema();
    }

    /** A job a worker claimed. */
    public record ClaimedJob(long id, UUID tenantId, SyncType type, RunTrigger trigger, int attempts, int maxAttempts) {
    }

    /** The new job's id; empty when the tenant has this type queued or running, or the schedule's fire was enqueued. */
    public Uni<Optional<Long>> enqueue(UUID tenant, SyncType type, RunTrigger trigger, int maxAttempts, String scheduleFire) {
        return pool.preparedQuery("""
                        insert into sync_job (tenant_id, type, status, trigger, max_attempts, schedule_fire)
                        values ($1, $2, 'queued', $3, $4, $5)
                        on conflict do nothing
                        returning id""")
                .execute(Tuple.of(tenant, type.name(), trigger.dbValue(), maxAttempts, scheduleFire))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("id")));
    }

    /** The job of this tenant and type that is queued or running, if any. */
    public Uni<Optional<Long>> active(UUID tenant, SyncType type) {
        return pool.preparedQuery("select id from sync_job where tenant_id = $1 and type = $2 and status in ('queued', 'running')")
                .execute(Tuple.of(tenant, type.name()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("id")));
    }

    public Uni<List<ClaimedJob>> claim(int limit, String worker) {
        return pool.preparedQuery("""
                        update sync_job set status = 'running', claimed_by = $2, heartbeat_at = now(), attempts = attempts + 1,
                               started_at = coalesce(started_at, now())
                        where id in (select id from sync_job where status = 'queued' and run_after <= now()
                                     order by run_after, id limit $1 for update skip locked)
                        returning id, tenant_id, type, trigger, attempts, max_attempts""")
                .execute(Tuple.of(limit, worker))
                .map(JobQueue::claimed);
    }

    public Uni<Void> attachRun(long job, String worker, long runId) {
        return pool.preparedQuery("update sync_job set last_run_id = $3 where id = $1 and claimed_by = $2")
                .execute(Tuple.of(job, worker, runId)).replaceWithVoid();
    }

    public Uni<Void> heartbeat(List<Long> jobs, String worker) {
        return jobs.isEmpty() ? Uni.createFrom().voidItem()
                : pool.preparedQuery("update sync_job set heartbeat_at = now() where id = any($1) and claimed_by = $2 and status = 'running'")
                        .execute(Tuple.of(jobs.toArray(new Long[0]), worker)).replaceWithVoid();
    }

    /** The run ended as succeeded or partial, as the ledger says. */
    public Uni<Void> finished(long job, String worker) {
        return pool.preparedQuery("""
                        update sync_job j set status = case when r.status = 'partial' then 'partial' else 'succeeded' end,
                               finished_at = now(), claimed_by = null, error_message = null
                        from sync_run r
                        where j.id = $1 and j.claimed_by = $2 and j.status = 'running' and r.id = j.last_run_id""")
                .execute(Tuple.of(job, worker)).replaceWithVoid();
    }

    /** The run failed: queued again after {@code retryIn}, or dead when it may not be retried or used its attempts. */
    public Uni<Void> failed(long job, String worker, String reason, boolean retryable, Duration retryIn) {
        return pool.preparedQuery("""
                        update sync_job set claimed_by = null, error_message = $3,
                               status = case when $4 and attempts < max_attempts then 'queued' else 'dead' end,
                               run_after = now() + $5 * interval '1 millisecond',
                               finished_at = case when $4 and attempts < max_attempts then null else now() end
                        where id = $1 and claimed_by = $2 and status = 'running'""")
                .execute(Tuple.of(job, worker, reason, retryable, retryIn.toMillis())).replaceWithVoid();
    }

    /** Another run holds the job's lock right now: back to the queue, the attempt not counted. */
    public Uni<Void> postpone(long job, String worker, Duration by) {
        return pool.preparedQuery("""
                        update sync_job set status = 'queued', claimed_by = null, attempts = attempts - 1,
                               run_after = now() + $3 * interval '1 millisecond'
                        where id = $1 and claimed_by = $2 and status = 'running'""")
                .execute(Tuple.of(job, worker, by.toMillis())).replaceWithVoid();
    }

    /**
     * Jobs whose worker died: running, no heartbeat for a lease, and nobody holding the job's lock
     * (a live run holds it for as long as it runs). They are queued again and run by whoever claims them.
     */
    public Uni<Integer> rescue(Duration lease) {
        return pool.preparedQuery("""
                        update sync_job j set status = case when attempts < max_attempts then 'queued' else 'dead' end,
                               claimed_by = null, run_after = now(),
                               finished_at = case when attempts < max_attempts then null else now() end,
                               error_message = 'Its worker stopped before the job ended (it was claimed by ' || claimed_by || ')'
                        where j.status = 'running' and j.heartbeat_at < now() - $2 * interval '1 millisecond'
                          and not %s""".formatted(JobLock.heldCondition(SyncType.JOB_OF_ROW, "$1")))
                .execute(Tuple.of(schema, lease.toMillis()))
                .map(RowSet::rowCount);
    }

    private static List<ClaimedJob> claimed(RowSet<Row> rows) {
        List<ClaimedJob> jobs = new ArrayList<>();
        rows.forEach(row -> jobs.add(new ClaimedJob(row.getLong("id"), row.getUUID("tenant_id"), SyncType.valueOf(row.getString("type")),
                RunTrigger.valueOf(row.getString("trigger").toUpperCase()), row.getInteger("attempts"), row.getInteger("max_attempts"))));
        return jobs;
    }
}
