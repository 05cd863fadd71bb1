package dev.syncline.sandbox.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a sales channel's storefront would list, by the rules Shopware applies to a listing
 * (shopware/shopware, ProductAvailableFilter, NavigationLoader, PriceFieldSerializer): an active
 * product with a visibility of 30 in the channel, a price in the default currency, and a category
 * whose path up to the channel's navigation root is active and visible. A parent with variants
 * is listed as the group of its active variants (none active: not at all) and offers a choice only
 * through its configurator settings. Each listed product shows its cover image
 * (a variant inherits its parent's, as the listing shows the parent), and its name and category
 * path in every shop language (a translation, else the system language's text, as Shopware falls back).
 */
final class ShopwareStorefront {

    private final ShopwareStore store;

    ShopwareStorefront(ShopwareStore store) {
        this.store = store;
    }

    Map<String, Object> of(String salesChannelId) {
        ObjectNode channel = store.of("sales_channel").get(salesChannelId);
        if (channel == null) {
            throw new IllegalArgumentException("No sales channel " + salesChannelId);
        }
        String root = channel.path("navigationCategoryId").asText();
        List<Map<String, Object>> listed = new ArrayList<>();
        int withVariantChoice = 0;
        int withCover = 0;
        Map<String, List<ObjectNode>> visibilities = store.byProduct("product_visibility");
        Map<String, List<ObjectNode>> settings = store.byProduct("product_configurator_setting");
        Map<String, List<ObjectNode>> children = new java.util.HashMap<>();
        java.util.Set<String> withVariants = new java.util.HashSet<>();
        store.of("product").values().stream().filter(p -> p.hasNonNull("parentId")).forEach(p -> {
            withVariants.add(p.get("parentId").asText());
            if (p.path("active").asBoolean(true)) {
                children.computeIfAbsent(p.get("parentId").asText(), k -> new ArrayList<>()).add(p);
            }
        });
        for (ObjectNode product : store.of("product").values()) {
            String id = product.get("id").asText();
            // A parent is never listed itself, only as the group of its active variants.
            if (product.hasNonNull("parentId") || !product.path("active").asBoolean(true)
                    || withVariants.contains(id) && !children.containsKey(id)
                    || !visible(visibilities.getOrDefault(id, List.of()), salesChannelId)
                    || !pricedInDefaultCurrency(product)) {
                continue;
            }
            List<String> path = categoryPath(product, root, null);
            if (path == null) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", product.get("id").asText());
            entry.put("productNumber", product.path("productNumber").asText());
            entry.put("name", product.path("name").asText());
            entry.put("names", names(product));
            entry.put("categoryPath", path);
            entry.put("categoryPaths", categoryPaths(product, root));
            entry.put("price", defaultPrice(product));
            Map<String, Object> cover = cover(product);
            entry.put("cover", cover);
            if (cover != null) {
                withCover++;
            }
            List<ObjectNode> variants = children.getOrDefault(id, List.of());
            entry.put("variants", variants.size());
            Map<String, TreeSet<String>> choices = variantChoices(settings.getOrDefault(id, List.of()));
            entry.put("variantChoices", choices);
            if (!variants.isEmpty() && !choices.isEmpty()) {
                withVariantChoice++;
            }
            listed.add(entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("salesChannelId", salesChannelId);
        answer.put("listed", listed.size());
        answer.put("withVariantChoice", withVariantChoice);
        answer.put("withCover", withCover);
        answer.put("products", listed);
        return answer;
    }

    /** The product's name in every shop language, by locale code: its translation, else the system language's. */
    private Map<String, String> names(ObjectNode product) {
        Map<String, String> names = new TreeMap<>();
        store.of("language").forEach((id, language) -> names.put(language.path("locale").path("code").asText(),
                product.path("translations").path(id).path("name").asText(product.path("name").asText())));
        return names;
    }

    /**
     * The image a listing shows: the product's cover (coverId, a product_media row) when its media
     * has a file, with the file's URL; null when there is none.
     */
    private Map<String, Object> cover(ObjectNode product) {
        ObjectNode productMedia = store.of("product_media").get(product.path("coverId").asText(""));
        ObjectNode media = productMedia == null ? null : store.of("media").get(productMedia.path("mediaId").asText());
        if (media == null || !media.path("hasFile").asBoolean(false)) {
            return null;
        }
        Map<String, Object> cover = new LinkedHashMap<>();
        cover.put("mediaId", media.get("id").asText());
        cover.put("fileName", media.path("fileName").asText() + "." + media.path("fileExtension").asText());
        cover.put("url", media.path("url").asText());
        cover.put("alt", media.path("alt").asText(null));
        return cover;
    }

    private static boolean visible(List<ObjectNode> visibilities, String channel) {
        return visibilities.stream().anyMatch(v -> v.path("salesChannelId").asText().equals(channel) && v.path("visibility").asInt() >= 30);
    }

    private static boolean pricedInDefaultCurrency(ObjectNode product) {
        return defaultPrice(product) != null;
    }

    private static JsonNode defaultPrice(ObjectNode product) {
        for (JsonNode price : product.path("price")) {
            if (ShopwareStore.DEFAULT_CURRENCY.equals(price.path("currencyId").asText())) {
                return price;
            }
        }
        return null;
    }

    /** The category path in every shop language, by locale code: each category's translation, else the system language's name. */
    private Map<String, List<String>> categoryPaths(ObjectNode product, String root) {
        Map<String, List<String>> paths = new TreeMap<>();
        store.of("language").forEach((id, language) -> paths.put(language.path("locale").path("code").asText(),
                categoryPath(product, root, id)));
        return paths;
    }

    /**
     * The names from the navigation root down to the first of the product's categories that is
     * shown there, in a language (null: the system language).
     */
    private List<String> categoryPath(ObjectNode product, String root, String languageId) {
        for (JsonNode categoryId : product.path("categoryIds")) {
            List<String> names = new ArrayList<>();
            ObjectNode category = store.of("category").get(categoryId.asText());
            boolean shown = true;
            while (category != null && !category.get("id").asText().equals(root)) {
                shown &= category.path("active").asBoolean(true) && category.path("visible").asBoolean(true);
                String name = category.path("name").asText();
                names.add(0, languageId == null ? name : category.path("translations").path(languageId).path("name").asText(name));
                category = store.of("category").get(category.path("parentId").asText(""));
            }
            if (category != null && shown) {
                return names;
            }
        }
        return null;
    }

    private Map<String, TreeSet<String>> variantChoices(List<ObjectNode> settings) {
        Map<String, TreeSet<String>> choices = new TreeMap<>();
        for (ObjectNode setting : settings) {
            ObjectNode option = store.of("property_group_option").get(setting.path("optionId").asText());
            ObjectNode group = option == null ? null : store.of("property_group").get(option.path("groupId").asText());
            if (group != null) {
                choices.computeIfAbsent(group.path("name").asText(), g -> new TreeSet<>()).add(option.path("name").asText());
            }
        }
        return choices;
    }
}
