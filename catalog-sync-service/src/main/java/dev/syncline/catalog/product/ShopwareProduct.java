package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

/**
 * One record of a Shopware sync request, and the Plenty variations it stands for: a variant or a
 * simple product stands for its variation, a parent for the variations of its item in the batch.
 */
public record ShopwareProduct(String id, String parentId, String productNumber, ObjectNode payload, Set<Long> variationIds) {

    /**
     * Two records for the same product in one batch: the parent's own fields (from the main
     * variation) and its variants' choices; the configurator settings of both are kept.
     */
    static ShopwareProduct merge(ShopwareProduct kept, ShopwareProduct next) {
        ObjectNode payload = kept.payload().deepCopy();
        next.payload().fields().forEachRemaining(field -> {
            if (field.getKey().equals("configuratorSettings") && payload.has("configuratorSettings")) {
                Set<String> ids = new HashSet<>();
                payload.get("configuratorSettings").forEach(setting -> ids.add(setting.path("id").asText()));
                field.getValue().forEach(setting -> {
                    if (ids.add(setting.path("id").asText())) {
                        payload.withArray("configuratorSettings").add(setting);
                    }
                });
            } else if (!payload.has(field.getKey())) {
                payload.set(field.getKey(), field.getValue());
            }
        });
        Set<Long> variations = new HashSet<>(kept.variationIds());
        variations.addAll(next.variationIds());
        return new ShopwareProduct(kept.id(), kept.parentId(), kept.productNumber() != null ? kept.productNumber() : next.productNumber(),
                payload, variations);
    }
}
