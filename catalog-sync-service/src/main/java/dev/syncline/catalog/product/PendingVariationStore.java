package dev.syncline.catalog.product;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Variations that could not be written: the window moves on without them, and every later delta
 * reads them again until they pass (after a CONFIG sync, or once fixed in Plenty).
 */
@ApplicationScoped
public class PendingVariationStore {

    private final Pool pool;

    public PendingVariationStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Long>> ids(UUID tenant) {
        return pool.preparedQuery("select variation_id from pending_variation where tenant_id = $1 order by variation_id")
                .execute(Tuple.of(tenant))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong("variation_id")));
                    return ids;
                });
    }

    public Uni<List<SyncStateView.PendingVariation>> list(UUID tenant) {
        return pool.preparedQuery("""
                        select variation_id, reason, first_seen_at, last_seen_at from pending_variation
                        where tenant_id = $1 order by variation_id""")
                .execute(Tuple.of(tenant))
                .map(rows -> {
                    List<SyncStateView.PendingVariation> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new SyncStateView.PendingVariation(row.getLong("variation_id"), row.getString("reason"),
                            row.getOffsetDateTime("first_seen_at"), row.getOffsetDateTime("last_seen_at"))));
                    return list;
                });
    }

    /** In a batch's transaction: the refused variations are pending (with their latest reason), the written ones no more. */
    public Uni<Void> settle(SqlClient tx, UUID tenant, Map<Long, String> refused, Set<Long> written) {
        Long[] refusedIds = refused.keySet().toArray(new Long[0]);
        String[] reasons = refused.values().toArray(new String[0]);
        return tx.preparedQuery("delete from pending_variation where tenant_id = $1 and variation_id = any($2)")
                .execute(Tuple.of(tenant, written.toArray(new Long[0])))
                .chain(() -> refused.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery("""
                                insert into pending_variation (tenant_id, variation_id, reason)
                                select $1, v.id, v.reason from unnest($2::int8[], $3::text[]) as v(id, reason)
                                on conflict (tenant_id, variation_id) do update set reason = excluded.reason, last_seen_at = now()""")
                        .execute(Tuple.of(tenant, refusedIds, reasons)).replaceWithVoid());
    }
}
