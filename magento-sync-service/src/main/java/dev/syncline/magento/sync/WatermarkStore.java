package dev.syncline.magento.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/**
 * The watermark: the highest entity id any committed page reached, per sync type (full or
 * incremental); every order at or below the highest of them has been read. It only moves in
 * {@link #advance}, inside the transaction that writes the page.
 */
@ApplicationScoped
public class WatermarkStore {

    private final Pool pool;

    public WatermarkStore(Pool pool) {
        this.pool = pool;
    }

    /** A sync type's watermark and when a page last moved it. */
    public record Watermark(String syncType, Long lastEntityId, OffsetDateTime lastSyncAt) {
    }

    public Uni<Long> watermark() {
        return pool.query("select coalesce(max(last_entity_id), 0) as watermark from sync_status")
                .execute()
                .map(rows -> rows.iterator().next().getLong("watermark"));
    }

    public Uni<Watermark> of(String syncType) {
        return pool.preparedQuery("select sync_type, last_entity_id, last_sync_at from sync_status where sync_type = $1")
                .execute(Tuple.of(syncType))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new Watermark(syncType, null, null);
                    }
                    Row row = rows.iterator().next();
                    return new Watermark(syncType, row.getLong("last_entity_id"), row.getOffsetDateTime("last_sync_at"));
                });
    }

    public Uni<Void> advance(SqlClient tx, String syncType, long lastEntityId) {
        return tx.preparedQuery("""
                        insert into sync_status (sync_type, last_entity_id, last_sync_at) values ($1, $2, now())
                        on conflict (sync_type) do update
                        set last_entity_id = greatest(coalesce(sync_status.last_entity_id, 0), excluded.last_entity_id),
                            last_sync_at = now()""")
                .execute(Tuple.of(syncType, lastEntityId))
                .replaceWithVoid();
    }
}
