package dev.syncline.magento.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sync_status rows. The watermark is the highest entity id any committed page reached, full
 * or incremental: every order at or below it has been read. It only moves in {@link #advance}, inside
 * the transaction that writes the page.
 */
@ApplicationScoped
public class WatermarkStore {

    private final Pool pool;

    public WatermarkStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> watermark() {
        return pool.query("select coalesce(max(last_entity_id), 0) as watermark from sync_status")
                .execute()
                .map(rows -> rows.iterator().next().getLong("watermark"));
    }

    public Uni<Void> markRunning(String syncType) {
        return pool.preparedQuery("""
                        update sync_status set status = 'running', total_processed = 0, total_created = 0,
                               total_errors = 0, last_error = null
                        where sync_type = $1""")
                .execute(Tuple.of(syncType))
                .replaceWithVoid();
    }

    public Uni<Void> advance(SqlClient tx, String syncType, long lastEntityId, long processed, long created, long errors) {
        return tx.preparedQuery("""
                        update sync_status set last_entity_id = greatest(coalesce(last_entity_id, 0), $2),
                               last_sync_at = now(), total_processed = total_processed + $3,
                               total_created = total_created + $4, total_errors = total_errors + $5
                        where sync_type = $1""")
                .execute(Tuple.of(syncType, lastEntityId, processed, created, errors))
                .replaceWithVoid();
    }

    public Uni<Void> markFinished(String syncType, String error) {
        return pool.preparedQuery("""
                        update sync_status set status = case when $2::text is null then 'stopped' else 'error' end,
                               last_error = $2, last_sync_at = now()
                        where sync_type = $1""")
                .execute(Tuple.of(syncType, error))
                .replaceWithVoid();
    }
}
