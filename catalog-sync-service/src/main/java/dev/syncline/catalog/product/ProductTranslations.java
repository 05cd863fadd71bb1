package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.catalog.plenty.PlentyRecords.Item;
import dev.syncline.catalog.plenty.PlentyRecords.Variation;
import dev.syncline.catalog.shopware.ShopwareClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item names and descriptions in the shop's other languages. A batch's products are written with
 * the texts of the tenant's language, which land in the shop's system language; then every shop
 * language of the tenant's languages gets the texts of the same products in a sync request of its
 * own with {@code sw-language-id}: Shopware writes translated fields in the request's language,
 * and its published product schema has no field for translations. Only products with texts
 * (products of their own and parents) are sent; an item without a name in a language is left to
 * Shopware's fallback to the system language.
 */
final class ProductTranslations {

    private final ShopContext shop;
    private final ObjectMapper mapper;

    ProductTranslations(ShopContext shop, ObjectMapper mapper) {
        this.shop = shop;
        this.mapper = mapper;
    }

    /** Writes the texts of the products written; the variations whose texts Shopware refused, with its reasons. */
    Uni<Map<Long, String>> write(ShopwareClient shopware, List<ShopwareProduct> written, List<Variation> variations, Map<Long, Item> items) {
        Map<Long, String> refused = new HashMap<>();
        if (shop.textLanguages().isEmpty()) {
            return Uni.createFrom().item(refused);
        }
        Map<Long, Item> itemOfVariation = new HashMap<>();
        variations.forEach(v -> {
            if (items.get(v.itemId()) != null) {
                itemOfVariation.put(v.id(), items.get(v.itemId()));
            }
        });
        List<ShopwareProduct> withTexts = written.stream().filter(p -> p.parentId() == null && p.productNumber() != null).toList();
        return Multi.createFrom().iterable(shop.textLanguages())
                .onItem().transformToUniAndConcatenate(language -> {
                    List<ShopwareProduct> sent = new ArrayList<>();
                    List<ObjectNode> records = new ArrayList<>();
                    for (ShopwareProduct product : withTexts) {
                        product.variationIds().stream().map(itemOfVariation::get).filter(item -> item != null).findFirst()
                                .flatMap(item -> item.textIn(language.plentyLanguage()))
                                .ifPresent(text -> {
                                    ObjectNode record = mapper.createObjectNode().put("id", product.id()).put("name", text.name1());
                                    if (text.description() != null) {
                                        record.put("description", text.description());
                                    }
                                    records.add(record);
                                    sent.add(product);
                                });
                    }
                    if (records.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return send(shopware, language, records, sent, refused, 1);
                })
                .collect().last()
                .replaceWith(refused);
    }

    /** Shopware writes a request whole or not at all: what it refused is taken out and the rest sent again. */
    private Uni<Void> send(ShopwareClient shopware, ShopContext.TextLanguage language, List<ObjectNode> records,
                           List<ShopwareProduct> products, Map<Long, String> refused, int round) {
        return shopware.upsert("product", records, language.id()).chain(errors -> {
            if (errors.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            errors.forEach((index, reason) -> products.get(index).variationIds().forEach(variation -> refused.putIfAbsent(variation,
                    "its texts in " + language.localeCode() + ": " + reason)));
            List<ObjectNode> nextRecords = new ArrayList<>();
            List<ShopwareProduct> nextProducts = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                if (!errors.containsKey(i)) {
                    nextRecords.add(records.get(i));
                    nextProducts.add(products.get(i));
                }
            }
            if (nextRecords.isEmpty() || round >= ProductWriter.MAX_ROUNDS) {
                nextProducts.forEach(p -> p.variationIds().forEach(v -> refused.putIfAbsent(v, "its texts in "
                        + language.localeCode() + " were not written: the request was still refused after " + round + " rounds")));
                return Uni.createFrom().voidItem();
            }
            return send(shopware, language, nextRecords, nextProducts, refused, round + 1);
        });
    }
}
