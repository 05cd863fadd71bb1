package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.catalog.shopware.ShopwareClient;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a batch of products: to the tenant's Shopware shop, or, for a tenant in mock mode, to
 * {@code mock_shopware_product} in the batch's transaction. Shopware writes a request as one
 * transaction and names the records it refused; those are taken out (with the variants of a
 * refused parent) and the rest sent again, so one bad record never holds back its batch.
 */
@ApplicationScoped
public class ProductWriter {

    /** Rounds of sending what remains after refusals; each round removes at least one record. */
    static final int MAX_ROUNDS = 10;

    /** The variations Shopware refused, with its reasons. */
    public Uni<Map<Long, String>> toShopware(ShopwareClient shopware, List<ShopwareProduct> batch) {
        Map<Long, String> refused = new HashMap<>();
        return withoutConflicts(shopware, batch, refused).chain(checked -> send(shopware, checked, refused, 1));
    }

    /**
     * Shopware answers a product number owned by another product, and a parent that does not exist,
     * at the database, for the whole request and without naming the record: such records are found
     * beforehand and held back with the reason (a variant waits for its parent, which comes with the
     * item's main variation).
     */
    private Uni<List<ShopwareProduct>> withoutConflicts(ShopwareClient shopware, List<ShopwareProduct> batch, Map<Long, String> refused) {
        List<String> numbers = batch.stream().map(ShopwareProduct::productNumber).filter(number -> number != null).distinct().toList();
        Set<String> fullRecords = new HashSet<>();
        batch.stream().filter(p -> p.productNumber() != null && p.parentId() == null).forEach(p -> fullRecords.add(p.id()));
        List<String> parents = batch.stream().map(p -> p.productNumber() == null ? p.id() : p.parentId())
                .filter(id -> id != null && !fullRecords.contains(id)).distinct().toList();
        return (numbers.isEmpty() ? Uni.createFrom().item(List.<JsonNode>of()) : shopware.search("product", anyOf("productNumber", numbers)))
                .chain(owners -> (parents.isEmpty() ? Uni.createFrom().item(List.<JsonNode>of())
                        : shopware.search("product", anyOf("id", parents)))
                        .map(existingParents -> {
                            Map<String, String> ownerOf = new HashMap<>();
                            owners.forEach(o -> ownerOf.put(o.path("productNumber").asText(), o.path("id").asText()));
                            Set<String> present = new HashSet<>(fullRecords);
                            existingParents.forEach(p -> present.add(p.path("id").asText()));
                            Set<String> heldBack = new HashSet<>();
                            List<ShopwareProduct> clear = new ArrayList<>();
                            for (ShopwareProduct product : batch) {
                                String owner = product.productNumber() == null ? null : ownerOf.get(product.productNumber());
                                String parent = product.productNumber() == null ? product.id() : product.parentId();
                                String reason = owner != null && !owner.equals(product.id())
                                        ? "its product number " + product.productNumber() + " belongs to another product of the shop (" + owner + ")"
                                        : parent != null && (!present.contains(parent) || heldBack.contains(parent))
                                        ? "its parent product is not in the shop yet; it is written with the item's main variation"
                                        : null;
                                if (reason == null) {
                                    clear.add(product);
                                } else {
                                    heldBack.add(product.id());
                                    product.variationIds().forEach(v -> refused.putIfAbsent(v, reason));
                                }
                            }
                            return clear;
                        }));
    }

    private static ObjectNode anyOf(String field, List<String> values) {
        ObjectNode criteria = JsonNodeFactory.instance.objectNode();
        ObjectNode filter = criteria.putArray("filter").addObject().put("type", "equalsAny").put("field", field);
        values.forEach(filter.withArray("value")::add);
        criteria.putObject("includes").putArray("product").add("id").add("productNumber").add("parentId");
        return criteria;
    }

    private Uni<Map<Long, String>> send(ShopwareClient shopware, List<ShopwareProduct> remaining, Map<Long, String> refused, int round) {
        if (remaining.isEmpty()) {
            return Uni.createFrom().item(refused);
        }
        List<ObjectNode> payloads = remaining.stream().map(ShopwareProduct::payload).toList();
        return shopware.upsertProducts(payloads).chain(errors -> {
            if (errors.isEmpty()) {
                return Uni.createFrom().item(refused);
            }
            Set<String> refusedIds = new HashSet<>();
            errors.forEach((index, reason) -> {
                ShopwareProduct product = remaining.get(index);
                refusedIds.add(product.id());
                product.variationIds().forEach(variation -> refused.putIfAbsent(variation, reason));
            });
            List<ShopwareProduct> next = new ArrayList<>();
            for (ShopwareProduct product : remaining) {
                if (refusedIds.contains(product.id())) {
                    continue;
                }
                if (product.parentId() != null && refusedIds.contains(product.parentId())) {
                    product.variationIds().forEach(variation -> refused.putIfAbsent(variation, "its parent product was refused: "
                            + refused.getOrDefault(variation, "see the parent")));
                    continue;
                }
                next.add(product);
            }
            if (round >= MAX_ROUNDS) {
                next.forEach(product -> product.variationIds().forEach(v -> refused.putIfAbsent(v,
                        "Shopware still refused the batch after " + MAX_ROUNDS + " rounds")));
                return Uni.createFrom().item(refused);
            }
            return send(shopware, next, refused, round + 1);
        });
    }

    /** The mock shop: each product upserted by id, its fields merged over what was there, as Shopware does. */
    public Uni<Void> toMock(SqlClient tx, UUID tenant, List<ShopwareProduct> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = batch.stream().map(ShopwareProduct::id).toArray(String[]::new);
        String[] numbers = batch.stream().map(ShopwareProduct::productNumber).toArray(String[]::new);
        String[] parents = batch.stream().map(ShopwareProduct::parentId).toArray(String[]::new);
        String[] payloads = batch.stream().map(p -> p.payload().toString()).toArray(String[]::new);
        return tx.preparedQuery("""
                        insert into mock_shopware_product (tenant_id, id, product_number, parent_id, payload)
                        select distinct on (t.id) $1, t.id, t.product_number, t.parent_id, t.payload::jsonb
                        from unnest($2::text[], $3::text[], $4::text[], $5::text[]) with ordinality
                             as t(id, product_number, parent_id, payload, position)
                        order by t.id, t.position desc
                        on conflict (tenant_id, id) do update set product_number = excluded.product_number,
                               parent_id = excluded.parent_id, payload = mock_shopware_product.payload || excluded.payload,
                               updated_at = now()""")
                .execute(Tuple.from(new Object[] {tenant, ids, numbers, parents, payloads}))
                .replaceWithVoid();
    }
}
