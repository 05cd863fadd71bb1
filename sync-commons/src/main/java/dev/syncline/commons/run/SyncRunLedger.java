package dev.syncline.commons.run;

import dev.syncline.commons.config.SynclineConfig;
import dev.syncline.commons.lock.LostLockException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes the run ledger. A run's status moves only forward from running: once closed (finished,
 * failed, or interrupted because it lost its lock) a row is never rewritten. Counters are added
 * inside the caller's transaction, so a run's numbers move together with the rows they count.
 */
@ApplicationScoped
public class SyncRunLedger {

    static final String INTERRUPTED =
            "Interrupted: the run lost its lock before it finished (its service stopped or its database connection broke)";
    static final String STOPPED =
            "Interrupted: the service stopped before the run finished; what it wrote so far is kept, the next run goes on from there";

    /** Whether the job of run r is locked by a live run. */
    private static final String LOCK_HELD = dev.syncline.commons.lock.JobLock.heldCondition("r.job", "$1");

    /**
     * A run's fence: a transaction-level advisory lock per run (two-int form, apart from the jobs'
     * bigint locks). Each write transaction of the run holds it shared; whoever closes the run takes
     * it exclusively first, so the close waits for every write in flight and no write follows it.
     */
    private static final String FENCE = "hashtext($1), (%s %% 2147483647)::int";

    private final Pool pool;
    private final String schema;

    public SyncRunLedger(Pool pool, SynclineConfig config) {
        this.pool = pool;
        this.schema = config.schema();
    }

    /**
     * Opens a run. Call only while holding the job's lock: a run of the job still marked running
     * lost its lock, and is closed first. That update waits for any write transaction the lost run
     * still has open, so nothing it writes can land after this run has started.
     */
    public Uni<Long> open(String job, String mode, RunTrigger trigger) {
        return pool.withTransaction(tx -> tx
                .preparedQuery("select pg_advisory_xact_lock(" + FENCE.formatted("id") + ") from sync_run where job = $2 and status = 'running'")
                .execute(Tuple.of(schema, job))
                .chain(() -> tx.preparedQuery("""
                                update sync_run set status = 'error', finished_at = now(), error_message = $2
                                where job = $1 and status = 'running'""")
                        .execute(Tuple.of(job, INTERRUPTED)))
                .chain(() -> tx.preparedQuery("""
                                insert into sync_run (job, mode, trigger, status) values ($1, $2, $3, 'running')
                                returning id""")
                        .execute(Tuple.of(job, mode, trigger.dbValue())))
                .map(rows -> rows.iterator().next().getLong("id")));
    }

    /**
     * The first statements of every write transaction of a run: take the run's fence shared (other
     * writes of the run go on alongside) and fail if the run was closed meanwhile (it lost its lock).
     */
    public Uni<Void> fence(SqlClient tx, long runId) {
        return tx.preparedQuery("select pg_advisory_xact_lock_shared(" + FENCE.formatted("$2") + ")")
                .execute(Tuple.of(schema, runId))
                .chain(() -> tx.preparedQuery("select id from sync_run where id = $1 and status = 'running'")
                        .execute(Tuple.of(runId)))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw new LostLockException("Run " + runId + " lost its lock and was closed; it stopped writing");
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> setTotal(SqlClient tx, long runId, long total) {
        return tx.preparedQuery("update sync_run set records_total = $2 where id = $1")
                .execute(Tuple.of(runId, total))
                .replaceWithVoid();
    }

    public Uni<Void> addCounts(SqlClient tx, long runId, RunCounts delta) {
        return tx.preparedQuery("""
                        update sync_run set records_read = records_read + $2, records_created = records_created + $3,
                               records_updated = records_updated + $4, records_skipped = records_skipped + $5,
                               records_rejected = records_rejected + $6
                        where id = $1""")
                .execute(Tuple.from(new Object[] {runId, delta.read(), delta.created(), delta.updated(),
                        delta.skipped(), delta.rejected()}))
                .replaceWithVoid();
    }

    /** Adds to a job-specific counter of the run (shown under {@code counters} in the ledger). */
    public Uni<Void> addCounter(SqlClient tx, long runId, String name, long delta) {
        return tx.preparedQuery("""
                        update sync_run set counters = jsonb_set(counters, array[$2::text],
                                                                 to_jsonb(coalesce((counters ->> $2)::bigint, 0) + $3))
                        where id = $1""")
                .execute(Tuple.of(runId, name, delta))
                .replaceWithVoid();
    }

    /**
     * Closes a run: error when it failed, partial when records were rejected, succeeded otherwise.
     * A run that was closed already (it lost its lock) keeps what the ledger says.
     */
    public Uni<RunSummary> finish(long runId, Throwable failure) {
        String error = failure == null ? null : FailureMessage.of(failure);
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_advisory_xact_lock(" + FENCE.formatted("$2") + ")")
                        .execute(Tuple.of(schema, runId))
                        .chain(() -> tx.preparedQuery("""
                        update sync_run set finished_at = now(),
                               status = case when $2::text is not null then 'error'
                                             when records_rejected > 0 then 'partial'
                                             else 'succeeded' end,
                               error_message = $2
                        where id = $1 and status = 'running'
                        returning job, status, error_message, records_read, records_created, records_updated,
                                  records_skipped, records_rejected, extract(epoch from (finished_at - started_at)) as seconds""")
                                .execute(Tuple.of(runId, error))))
                .chain(rows -> rows.size() > 0
                        ? Uni.createFrom().item(toSummary(runId, rows.iterator().next(), false))
                        : closedAlready(runId));
    }

    private Uni<RunSummary> closedAlready(long runId) {
        return pool.preparedQuery("""
                        select job, status, error_message, records_read, records_created, records_updated, records_skipped,
                               records_rejected, extract(epoch from (coalesce(finished_at, now()) - started_at)) as seconds
                        from sync_run where id = $1""")
                .execute(Tuple.of(runId))
                .map(rows -> toSummary(runId, rows.iterator().next(), true));
    }

    /**
     * Closes every run marked running whose job's lock nobody holds: its process died or its lock
     * connection broke. Status reads call this first, so no endpoint shows a run as running that is not.
     */
    public Uni<Integer> closeAbandoned() {
        return pool.preparedQuery("select r.id from sync_run r where r.status = 'running' and not " + LOCK_HELD)
                .execute(Tuple.of(schema))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    Long[] ids = new Long[rows.size()];
                    int i = 0;
                    for (Row row : rows) {
                        ids[i++] = row.getLong("id");
                    }
                    return pool.withTransaction(tx -> tx
                            .preparedQuery("select pg_advisory_xact_lock(" + FENCE.formatted("id") + ") from unnest($2::int8[]) as id")
                            .execute(Tuple.of(schema, ids))
                            .chain(() -> tx.preparedQuery("""
                                            update sync_run r set status = 'error', finished_at = now(), error_message = $2
                                            where r.id = any($3) and r.status = 'running' and not %s""".formatted(LOCK_HELD))
                                    .execute(Tuple.of(schema, INTERRUPTED, ids)))
                            .map(updated -> updated.rowCount()));
                });
    }

    public Uni<Long> runningRunId(String job) {
        return pool.preparedQuery("select max(id) as id from sync_run where job = $1 and status = 'running'")
                .execute(Tuple.of(job))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    private static RunSummary toSummary(long runId, Row row, boolean closedBefore) {
        return new RunSummary(runId, row.getString("job"), RunStatus.valueOf(row.getString("status").toUpperCase()),
                new RunCounts(row.getLong("records_read"), row.getLong("records_created"),
                        row.getLong("records_updated"), row.getLong("records_skipped"),
                        row.getLong("records_rejected")),
                row.getNumeric("seconds").doubleValue(), row.getString("error_message"), closedBefore);
    }

    /**
     * What a finished run did, for logs and metrics. {@code closedBefore}: the ledger had closed the
     * run already (it lost its lock) when its work ended.
     */
    public record RunSummary(long runId, String job, RunStatus status, RunCounts counts, double seconds,
                             String error, boolean closedBefore) {
    }
}
