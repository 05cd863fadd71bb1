package dev.syncline.catalog.product;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** SyncState: where a tenant's next product delta starts. Moves only forward, only with a batch. */
@ApplicationScoped
public class SyncStateStore {

    static final String PRODUCT_DELTA = "PRODUCT_DELTA";

    private final Pool pool;

    public SyncStateStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<OffsetDateTime>> lastWindowEnd(UUID tenant) {
        return pool.preparedQuery("select last_window_end from sync_state where tenant_id = $1 and type = $2")
                .execute(Tuple.of(tenant, PRODUCT_DELTA))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getOffsetDateTime("last_window_end")));
    }

    /** In the transaction of the window's last batch. */
    public Uni<Void> advance(SqlClient tx, UUID tenant, OffsetDateTime windowEnd) {
        return tx.preparedQuery("""
                        insert into sync_state (tenant_id, type, last_window_end) values ($1, $2, $3)
                        on conflict (tenant_id, type) do update
                        set last_window_end = greatest(sync_state.last_window_end, excluded.last_window_end), updated_at = now()""")
                .execute(Tuple.of(tenant, PRODUCT_DELTA, windowEnd))
                .replaceWithVoid();
    }
}
