package dev.syncline.commons.run;

import dev.syncline.commons.rejected.RejectedRecords;
import dev.syncline.commons.rejected.Rejection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.List;
import java.util.function.Function;

/**
 * A run while it works: its id, and the one way it writes. Every write transaction starts with
 * the ledger's fence, so a run that lost its lock cannot write anything after another run started.
 */
public final class ActiveRun {

    private final long id;
    private final String job;
    private final Pool pool;
    private final SyncRunLedger ledger;
    private final RejectedRecords rejected;

    ActiveRun(long id, String job, Pool pool, SyncRunLedger ledger, RejectedRecords rejected) {
        this.id = id;
        this.job = job;
        this.pool = pool;
        this.ledger = ledger;
        this.rejected = rejected;
    }

    public long id() {
        return id;
    }

    public String job() {
        return job;
    }

    /** One transaction of this run's writes; fails without writing if the run lost its lock. */
    public <R> Uni<R> inTransaction(Function<SqlConnection, Uni<R>> writes) {
        return pool.withTransaction(tx -> ledger.fence(tx, id).chain(() -> writes.apply(tx)));
    }

    /** Adds to the run's record counters, in the caller's transaction. */
    public Uni<Void> count(SqlClient tx, RunCounts delta) {
        return ledger.addCounts(tx, id, delta);
    }

    /** Adds to a job-specific counter, in the caller's transaction. */
    public Uni<Void> count(SqlClient tx, String counter, long delta) {
        return ledger.addCounter(tx, id, counter, delta);
    }

    /** How many records the upstream announced for the run. */
    public Uni<Void> total(SqlClient tx, long total) {
        return ledger.setTotal(tx, id, total);
    }

    /** Keeps records that could not be used, with their reasons, in the caller's transaction. */
    public Uni<Void> reject(SqlClient tx, List<Rejection> rejections) {
        return rejected.keep(tx, id, job, rejections);
    }
}
