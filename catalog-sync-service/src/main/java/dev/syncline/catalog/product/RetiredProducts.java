package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.catalog.shopware.ShopwareClient;
import dev.syncline.catalog.shopware.ShopwareClients;
import dev.syncline.catalog.tenant.Tenant;
import dev.syncline.commons.run.ActiveRun;
import dev.syncline.commons.upstream.UpstreamRefused;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Products of variations Plenty no longer has. Plenty lists no deletions, so every run records the
 * variations it read; a complete full run has read all that exist, and the ones it did not read
 * are gone: their products are deactivated in the shop, or deleted where the tenant says so
 * (a parent too, once its item has no variation left), their rows retired and their pending
 * entries dropped. A variation deactivated
 * in Plenty needs none of this: it is read as changed and written inactive.
 */
@ApplicationScoped
public class RetiredProducts {

    /** Products deactivated or deleted per sync request. */
    static final int CHUNK = 500;

    private final Pool pool;
    private final ShopwareClients shopware;
    private final ObjectMapper mapper;

    public RetiredProducts(Pool pool, ShopwareClients shopware, ObjectMapper mapper) {
        this.pool = pool;
        this.shopware = shopware;
        this.mapper = mapper;
    }

    /** Records, in the batch's transaction, that this run read these variations (variation id, item id pairs). */
    public Uni<Void> seen(SqlClient tx, UUID tenant, long runId, List<long[]> variations) {
        if (variations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = variations.stream().map(v -> v[0]).toArray(Long[]::new);
        Long[] items = variations.stream().map(v -> v[1]).toArray(Long[]::new);
        return tx.preparedQuery("""
                        insert into seen_variation (tenant_id, variation_id, item_id, last_run_id)
                        select $1, t.id, t.item, $4 from unnest($2::int8[], $3::int8[]) as t(id, item)
                        on conflict (tenant_id, variation_id) do update set item_id = excluded.item_id,
                               last_run_id = excluded.last_run_id, retired = false""")
                .execute(Tuple.of(tenant, ids, items, runId)).replaceWithVoid();
    }

    /** After a complete full run: deactivates or deletes what it did not read; the number of products. */
    public Uni<Long> retire(ActiveRun run, Tenant tenant) {
        return pool.preparedQuery("""
                        select v.variation_id, v.item_id,
                               not exists (select 1 from seen_variation s where s.tenant_id = v.tenant_id
                                           and s.item_id = v.item_id and s.last_run_id = $2) as item_gone
                        from seen_variation v where v.tenant_id = $1 and v.last_run_id <> $2 and not v.retired""")
                .execute(Tuple.of(tenant.id(), run.id()))
                .chain(rows -> {
                    List<Long> gone = new ArrayList<>();
                    Set<String> productIds = new LinkedHashSet<>();
                    rows.forEach(row -> {
                        gone.add(row.getLong("variation_id"));
                        productIds.add(ShopwareIds.of(tenant.id(), "variation", row.getLong("variation_id")));
                        if (row.getBoolean("item_gone")) {
                            productIds.add(ShopwareIds.of(tenant.id(), "item", row.getLong("item_id")));
                        }
                    });
                    if (gone.isEmpty()) {
                        return Uni.createFrom().item(0L);
                    }
                    boolean delete = Tenant.DELETE.equals(tenant.retiredProducts());
                    return (delete ? delete(tenant, new ArrayList<>(productIds)) : deactivate(tenant, new ArrayList<>(productIds)))
                            .call(count -> run.inTransaction(tx -> tx.preparedQuery("""
                                            update seen_variation set retired = true where tenant_id = $1 and variation_id = any($2)""")
                                    .execute(Tuple.of(tenant.id(), gone.toArray(Long[]::new)))
                                    .call(() -> tx.preparedQuery("delete from pending_variation where tenant_id = $1 and variation_id = any($2)")
                                            .execute(Tuple.of(tenant.id(), gone.toArray(Long[]::new))))
                                    .call(() -> run.count(tx, delete ? "deleted" : "deactivated", count))))
                            .invoke(count -> Log.infof("Tenant %s: %d variation(s) gone from Plenty, %d product(s) %s",
                                    tenant.id(), gone.size(), count, delete ? "deleted" : "deactivated"));
                });
    }

    /** The products the shop has among the ids, set inactive; the mock shop's likewise. */
    private Uni<Long> deactivate(Tenant tenant, List<String> ids) {
        if (tenant.mockShopware()) {
            return pool.preparedQuery("""
                            update mock_shopware_product set payload = payload || '{"active": false}'::jsonb, updated_at = now()
                            where tenant_id = $1 and id = any($2)""")
                    .execute(Tuple.of(tenant.id(), ids.toArray(String[]::new))).map(rows -> (long) rows.rowCount());
        }
        ShopwareClient shop = shopware.of(tenant);
        return Multi.createFrom().iterable(chunks(ids)).onItem().transformToUniAndConcatenate(chunk -> shop.search("product", existing(chunk))
                        .chain(found -> {
                            List<ObjectNode> inactive = found.stream()
                                    .map(p -> mapper.createObjectNode().put("id", p.path("id").asText()).put("active", false)).toList();
                            return inactive.isEmpty() ? Uni.createFrom().item(0L) : shop.upsert("product", inactive).map(refused -> {
                                if (!refused.isEmpty()) {
                                    throw new UpstreamRefused("Shopware refused to deactivate products Plenty no longer has: "
                                            + String.join("; ", new LinkedHashSet<>(refused.values())));
                                }
                                return (long) inactive.size();
                            });
                        }))
                .collect().with(java.util.stream.Collectors.summingLong(n -> n));
    }

    /** The products the shop has among the ids, deleted (Shopware deletes a parent's variants with it); the mock shop's likewise. */
    private Uni<Long> delete(Tenant tenant, List<String> ids) {
        if (tenant.mockShopware()) {
            return pool.preparedQuery("delete from mock_shopware_product where tenant_id = $1 and (id = any($2) or parent_id = any($2))")
                    .execute(Tuple.of(tenant.id(), ids.toArray(String[]::new))).map(rows -> (long) rows.rowCount());
        }
        ShopwareClient shop = shopware.of(tenant);
        return Multi.createFrom().iterable(chunks(ids)).onItem().transformToUniAndConcatenate(chunk -> shop.search("product", existing(chunk))
                        .chain(found -> {
                            List<String> present = found.stream().map(p -> p.path("id").asText()).toList();
                            return present.isEmpty() ? Uni.createFrom().item(0L) : shop.delete("product", present).map(refused -> {
                                if (!refused.isEmpty()) {
                                    throw new UpstreamRefused("Shopware refused to delete products Plenty no longer has: "
                                            + String.join("; ", new LinkedHashSet<>(refused.values())));
                                }
                                return (long) present.size();
                            });
                        }))
                .collect().with(java.util.stream.Collectors.summingLong(n -> n));
    }

    private ObjectNode existing(List<String> ids) {
        ObjectNode criteria = mapper.createObjectNode();
        ObjectNode filter = criteria.putArray("filter").addObject().put("type", "equalsAny").put("field", "id");
        ids.forEach(filter.withArray("value")::add);
        criteria.putObject("includes").putArray("product").add("id");
        return criteria;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }
}
