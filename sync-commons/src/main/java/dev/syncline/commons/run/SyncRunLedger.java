package dev.syncline.commons.run;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes the run ledger. Counters are added inside the caller's transaction, so a run's numbers
 * move together with the rows they count.
 */
@ApplicationScoped
public class SyncRunLedger {

    static final String INTERRUPTED = "Interrupted: the service stopped before the run finished";

    private final Pool pool;

    public SyncRunLedger(Pool pool) {
        this.pool = pool;
    }

    /**
     * Opens a run. Call only while holding the job's lock: any run of the job still marked running
     * was cut off by a crash and is closed as an error first.
     */
    public Uni<Long> open(String job, String mode, RunTrigger trigger) {
        return pool.withTransaction(tx -> tx
                .preparedQuery("""
                        update sync_run set status = 'error', finished_at = now(), error_message = $2
                        where job = $1 and status = 'running'""")
                .execute(Tuple.of(job, INTERRUPTED))
                .chain(() -> tx.preparedQuery("""
                                insert into sync_run (job, mode, trigger, status) values ($1, $2, $3, 'running')
                                returning id""")
                        .execute(Tuple.of(job, mode, trigger.dbValue())))
                .map(rows -> rows.iterator().next().getLong("id")));
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

    /** Closes a run: error when it failed, partial when records were rejected, succeeded otherwise. */
    public Uni<RunSummary> finish(long runId, Throwable failure) {
        String error = failure == null ? null : describe(failure);
        return pool.preparedQuery("""
                        update sync_run set finished_at = now(),
                               status = case when $2::text is not null then 'error'
                                             when records_rejected > 0 then 'partial'
                                             else 'succeeded' end,
                               error_message = $2
                        where id = $1
                        returning job, status, records_read, records_created, records_updated, records_skipped,
                                  records_rejected, extract(epoch from (finished_at - started_at)) as seconds""")
                .execute(Tuple.of(runId, error))
                .map(rows -> toSummary(runId, rows.iterator().next()));
    }

    public Uni<Long> runningRunId(String job) {
        return pool.preparedQuery("select max(id) as id from sync_run where job = $1 and status = 'running'")
                .execute(Tuple.of(job))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    private static RunSummary toSummary(long runId, Row row) {
        return new RunSummary(runId, row.getString("job"), RunStatus.valueOf(row.getString("status").toUpperCase()),
                new RunCounts(row.getLong("records_read"), row.getLong("records_created"),
                        row.getLong("records_updated"), row.getLong("records_skipped"),
                        row.getLong("records_rejected")),
                row.getNumeric("seconds").doubleValue());
    }

    /** The message a person reads in the ledger: the deepest cause that says something. */
    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    /** What a finished run did, for logs and metrics. */
    public record RunSummary(long runId, String job, RunStatus status, RunCounts counts, double seconds) {
    }
}
