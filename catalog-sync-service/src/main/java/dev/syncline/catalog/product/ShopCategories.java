package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.catalog.config.ConfigCache;
import dev.syncline.catalog.shopware.ShopwareClient;
import dev.syncline.catalog.tenant.Tenant;
import dev.syncline.commons.upstream.UpstreamRefused;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Plenty's category tree in the shop, under the run's root category. Written in the system
 * language with the tenant's names, then, for every other shop language the tenant's texts go to,
 * the names Plenty has in that language ({@code sw-language-id}); a category without a name in a
 * language is left to Shopware's fallback to the system language.
 */
final class ShopCategories {

    private final ObjectMapper mapper;

    ShopCategories(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Uni<Void> write(Tenant tenant, ConfigCache cache, ShopwareClient shop, ShopContext context) {
        return ShopSetup.write(shop, "category", tree(tenant, cache, context.rootCategoryId()))
                .chain(() -> Multi.createFrom().iterable(context.textLanguages())
                        .onItem().transformToUniAndConcatenate(language -> translate(tenant, cache, shop, language))
                        .collect().last())
                .replaceWithVoid();
    }

    /**
     * The tree parents first; a Plenty top category (or one whose parent is unknown) hangs under the
     * root. Every category is written with its parent and its place among its siblings in Plenty's
     * order: Shopware orders siblings by {@code afterCategoryId} (null: the first), so a category
     * moved in Plenty moves in Shopware and no sibling keeps pointing at where it was.
     */
    private List<ObjectNode> tree(Tenant tenant, ConfigCache cache, String root) {
        List<ConfigCache.Category> ordered = cache.categories().values().stream()
                .sorted(Comparator.comparingInt(ConfigCache.Category::level)
                        .thenComparing(ConfigCache.Category::parentId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingInt(ConfigCache.Category::position).thenComparingLong(ConfigCache.Category::id)).toList();
        List<ObjectNode> categories = new ArrayList<>();
        Map<String, String> lastChild = new HashMap<>();
        for (ConfigCache.Category category : ordered) {
            boolean knownParent = category.parentId() != null && cache.categories().containsKey(category.parentId());
            String id = ShopwareIds.of(tenant.id(), "category", category.id());
            String parent = knownParent ? ShopwareIds.of(tenant.id(), "category", category.parentId()) : root;
            ObjectNode row = mapper.createObjectNode().put("id", id).put("parentId", parent)
                    .put("name", category.name()).put("active", true).put("visible", true).put("type", "page");
            row.put("afterCategoryId", lastChild.put(parent, id));
            categories.add(row);
        }
        return categories;
    }

    /** The names in one shop language: the tenant's own names for another shop language of the tenant's language. */
    private Uni<Void> translate(Tenant tenant, ConfigCache cache, ShopwareClient shop, ShopContext.TextLanguage language) {
        List<ObjectNode> names = new ArrayList<>();
        for (ConfigCache.Category category : cache.categories().values()) {
            String name = language.plentyLanguage().equals(tenant.language()) ? category.name()
                    : category.translations().get(language.plentyLanguage());
            if (name != null) {
                names.add(mapper.createObjectNode().put("id", ShopwareIds.of(tenant.id(), "category", category.id())).put("name", name));
            }
        }
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return shop.upsert("category", names, language.id()).invoke(refused -> {
            if (!refused.isEmpty()) {
                throw new UpstreamRefused("Shopware refused the category names in " + language.localeCode() + ": "
                        + String.join("; ", new LinkedHashSet<>(refused.values())));
            }
        }).replaceWithVoid();
    }
}
