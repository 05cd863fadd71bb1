package dev.syncline.erp.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Where each job's next window starts: SoftOne's "at" of the last successful run. */
@ApplicationScoped
public class SyncWindowStore {

    private final Pool pool;

    public SyncWindowStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<OffsetDateTime>> lastAt(String job) {
        return pool.preparedQuery("select last_at from sync_window where job = $1")
                .execute(Tuple.of(job))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getOffsetDateTime("last_at")));
    }

    /** In the transaction that wrote the window's rows. */
    public Uni<Void> advance(SqlClient tx, String job, OffsetDateTime at, OffsetDateTime windowStart) {
        return tx.preparedQuery("""
                        insert into sync_window (job, last_at, last_window_start) values ($1, $2, $3)
                        on conflict (job) do update set last_at = greatest(sync_window.last_at, excluded.last_at),
                               last_window_start = excluded.last_window_start, updated_at = now()""")
                .execute(Tuple.of(job, at, windowStart))
                .replaceWithVoid();
    }
}
