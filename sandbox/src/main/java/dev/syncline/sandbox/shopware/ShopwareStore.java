package dev.syncline.sandbox.shopware;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.sandbox.http.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A shop's entities by entity name and id, as the DAL stores them: products (with their category,
 * option and property links as id lists), product visibilities and configurator settings (rows
 * of their own, unique per product and sales channel or option), categories, taxes, currencies,
 * sales channels, property groups and options, manufacturers and units, media (with their files) and
 * a product's media (rows of their own, product_media). A fresh shop holds what a
 * Shopware installation starts with: its default currency and a second one, the standard taxes,
 * a storefront and a headless sales channel, the storefront's navigation root category, the
 * product media folder (the default folder of the product entity), and the system language
 * (German) and English, each with its locale.
 */
final class ShopwareStore {

    /** Defaults::CURRENCY: the shop's default currency, whichever ISO code it has. */
    static final String DEFAULT_CURRENCY = "b7d2554b0ce847cd82f3ac9bd1c0dfca";
    static final String CHF = "5dd7dd9a3f2a4ac39e36b0ba8e2f8e0c";
    /** Defaults::SALES_CHANNEL_TYPE_STOREFRONT and _API. */
    static final String STOREFRONT_TYPE = "8a243080f92e4c719546314b577cf82b";
    static final String API_TYPE = "f183ee5650cf4bdb8a774337575067a6";
    static final String STOREFRONT = "98432def39fc4624b33213a56b8c944d";
    static final String HEADLESS = "4d2b3a7c9e8f4a1b8c6d5e4f3a2b1c0d";
    static final String HOME_CATEGORY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String TAX_STANDARD = "c7d0e7a3b1f24f0e8d3c2b1a0f9e8d7c";
    static final String TAX_REDUCED = "d8e1f8b4c2a35a1f9e4d3c2b1a0f9e8d";
    static final String TAX_FREE = "e9f2a9c5d3b46b2a0f5e4d3c2b1a0f9e";
    /** Defaults::LANGUAGE_SYSTEM (here German, de-DE) and a second language, English (en-GB). */
    static final String SYSTEM_LANGUAGE = "2fbb5fe2e29a4d70aa5854ce7ce3e20b";
    static final String ENGLISH = "6c1b0e4f8a2d4c3e9b5a7d0f1e2c3b4a";
    static final String PRODUCT_DEFAULT_FOLDER = "f0a3b0d6e4c57c3b1a6f5e4d3c2b1a0f";
    static final String PRODUCT_MEDIA_FOLDER = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String PRODUCT_MEDIA_CONFIGURATION = "1b2c3d4e5f60718293a4b5c6d7e8f90a";

    static final List<String> ENTITIES = List.of("currency", "tax", "sales_channel", "category", "property_group",
            "property_group_option", "product_manufacturer", "unit", "product", "product_visibility",
            "product_configurator_setting", "media_default_folder", "media_folder", "media", "product_media", "language");

    final Map<String, Map<String, ObjectNode>> entities = new LinkedHashMap<>();
    /** The uploaded files by file name and extension, as the shop's public file system serves them. */
    final Map<String, byte[]> files = new java.util.HashMap<>();

    ShopwareStore() {
        ENTITIES.forEach(entity -> entities.put(entity, new LinkedHashMap<>()));
        put("currency", DEFAULT_CURRENCY, "isoCode", "EUR", "factor", 1.0, "symbol", "€", "name", "Euro", "shortName", "EUR",
                "isSystemDefault", true);
        put("currency", CHF, "isoCode", "CHF", "factor", 0.95, "symbol", "Fr", "name", "Schweizer Franken", "shortName", "CHF",
                "isSystemDefault", false);
        put("tax", TAX_STANDARD, "taxRate", 19.0, "name", "Standard rate", "position", 1);
        put("tax", TAX_REDUCED, "taxRate", 7.0, "name", "Reduced rate", "position", 2);
        put("tax", TAX_FREE, "taxRate", 0.0, "name", "Tax free", "position", 3);
        put("language", SYSTEM_LANGUAGE, "name", "Deutsch", "localeId", "b5a3f1e0c2d44e6f8a9b0c1d2e3f4a5b",
                "locale", java.util.Map.of("id", "b5a3f1e0c2d44e6f8a9b0c1d2e3f4a5b", "code", "de-DE"));
        put("language", ENGLISH, "name", "English", "localeId", "c6b4a2f1d3e54f7a9b0c1d2e3f4a5b6c",
                "locale", java.util.Map.of("id", "c6b4a2f1d3e54f7a9b0c1d2e3f4a5b6c", "code", "en-GB"));
        put("category", HOME_CATEGORY, "name", "Home", "parentId", null, "active", true, "visible", true, "type", "page");
        put("sales_channel", STOREFRONT, "name", "Storefront", "typeId", STOREFRONT_TYPE, "navigationCategoryId", HOME_CATEGORY,
                "currencyId", DEFAULT_CURRENCY, "active", true);
        put("media_default_folder", PRODUCT_DEFAULT_FOLDER, "entity", "product");
        put("media_folder", PRODUCT_MEDIA_FOLDER, "name", "Product Media", "defaultFolderId", PRODUCT_DEFAULT_FOLDER,
                "configurationId", PRODUCT_MEDIA_CONFIGURATION, "useParentConfiguration", false);
        put("sales_channel", HEADLESS, "name", "Headless", "typeId", API_TYPE, "navigationCategoryId", HOME_CATEGORY,
                "currencyId", DEFAULT_CURRENCY, "active", true);
    }

    private void put(String entity, String id, Object... fields) {
        ObjectNode row = Json.MAPPER.createObjectNode().put("id", id);
        for (int i = 0; i < fields.length; i += 2) {
            row.set((String) fields[i], Json.MAPPER.valueToTree(fields[i + 1]));
        }
        entities.get(entity).put(id, row);
    }

    /** An id for a row written without one (a visibility, a configurator setting), stable for the same key. */
    static String derivedId(String key) {
        return java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    Map<String, ObjectNode> of(String entity) {
        return entities.get(entity);
    }

    List<ObjectNode> where(String entity, Predicate<ObjectNode> filter) {
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode row : entities.get(entity).values()) {
            if (filter.test(row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows of a product's own table (visibilities, configurator settings) by product id. */
    Map<String, List<ObjectNode>> byProduct(String entity) {
        Map<String, List<ObjectNode>> rows = new java.util.HashMap<>();
        entities.get(entity).values().forEach(row -> rows.computeIfAbsent(row.path("productId").asText(), p -> new ArrayList<>()).add(row));
        return rows;
    }

    int size(String entity) {
        return entities.get(entity).size();
    }
}
