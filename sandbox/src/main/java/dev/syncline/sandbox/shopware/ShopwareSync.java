package dev.syncline.sandbox.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.sandbox.http.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code POST /api/_action/sync} request, written as one transaction the way Shopware's DAL
 * writes it (shopware/shopware, Api/Sync/SyncService, DataAbstractionLayer/Write/EntityWriter):
 * every record is validated first and all violations are answered together, 400 with a pointer
 * {@code /<operation>/<index>/<field>} each; then the writes run, where a product number another
 * product has is a 400 without a pointer (ProductExceptionHandler) and a reference to a row that
 * does not exist (tax, currency, parent, category, option, sales channel…) fails the statement:
 * 500, no pointer, nothing written. Prices need a row in the default currency
 * (PriceFieldSerializer: "No price for default currency defined"); visibilities are 10, 20 or 30;
 * a product's media need their media entity, its cover one of its product_media rows.
 * Associations are merged into what a product has, never replaced.
 */
final class ShopwareSync {

    record Outcome(int status, Object body) {
    }

    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Set<Integer> VISIBILITIES = Set.of(10, 20, 30);
    private static final Set<String> CATEGORY_TYPES = Set.of("page", "link", "folder");
    private static final Set<String> PRODUCT_ASSOCIATIONS = Set.of("tax", "categories", "options", "visibilities",
            "configuratorSettings", "manufacturer", "unit", "properties", "media", "children", "parent");

    private final ShopwareStore store;
    private final Map<String, Map<String, ObjectNode>> pending = new LinkedHashMap<>();
    private final List<Map<String, Object>> violations = new ArrayList<>();
    private final Map<String, Set<String>> written = new LinkedHashMap<>();
    private final Map<String, String> deleted = new LinkedHashMap<>();
    private String duplicateNumber;
    private String integrityFailure;
    private final Map<String, Map<String, List<ObjectNode>>> storedByProduct = new java.util.HashMap<>();
    private Map<String, String> storedNumbers;

    private ShopwareSync(ShopwareStore store) {
        this.store = store;
    }

    static Outcome apply(ShopwareStore store, JsonNode body) {
        return new ShopwareSync(store).run(body);
    }

    private Outcome run(JsonNode body) {
        if (!body.isArray() && !body.isObject()) {
            return new Outcome(400, errors(List.of(error("FRAMEWORK__INVALID_SYNC_PAYLOAD", "400", "Invalid payload format", null))));
        }
        Iterator<Map.Entry<String, JsonNode>> operations = operations(body);
        while (operations.hasNext()) {
            Map.Entry<String, JsonNode> operation = operations.next();
            operation(operation.getKey(), operation.getValue());
        }
        if (!violations.isEmpty()) {
            return new Outcome(400, errors(violations));
        }
        if (duplicateNumber != null) {
            return new Outcome(400, errors(List.of(error("CONTENT__DUPLICATE_PRODUCT_NUMBER", "400",
                    "Product with number \"" + duplicateNumber + "\" already exists.", null))));
        }
        if (integrityFailure != null) {
            return new Outcome(500, errors(List.of(error("0", "500", "An exception occurred while executing a query: SQLSTATE[23000]: "
                    + "Integrity constraint violation: 1452 Cannot add or update a child row: a foreign key constraint fails ("
                    + integrityFailure + ")", null))));
        }
        pending.forEach((entity, rows) -> store.of(entity).putAll(rows));
        deleted.forEach((id, entity) -> {
            store.of(entity).remove(id);
            if (entity.equals("product")) {
                // The product's foreign keys cascade: its variants and its own rows go with it.
                store.of("product").values().removeIf(p -> id.equals(p.path("parentId").asText(null)));
                for (String own : List.of("product_visibility", "product_configurator_setting", "product_media")) {
                    store.of(own).values().removeIf(row -> id.equals(row.path("productId").asText(null)));
                }
            }
            if (entity.equals("media")) {
                // product_media.media_id cascades; product.product_media_id (the cover) is set null.
                Set<String> links = new LinkedHashSet<>();
                store.of("product_media").values().removeIf(row -> {
                    boolean of = id.equals(row.path("mediaId").asText(null));
                    if (of) {
                        links.add(row.path("id").asText());
                    }
                    return of;
                });
                store.of("product").values().forEach(product -> {
                    if (links.contains(product.path("coverId").asText(""))) {
                        product.putNull("coverId");
                    }
                });
            }
        });
        Map<String, Object> data = new LinkedHashMap<>();
        written.forEach((entity, ids) -> data.put(entity, List.copyOf(ids)));
        return new Outcome(200, Map.of("data", data, "notFound", List.of(), "deleted", List.of()));
    }

    private static Iterator<Map.Entry<String, JsonNode>> operations(JsonNode body) {
        if (body.isObject()) {
            return body.fields();
        }
        Map<String, JsonNode> keyed = new LinkedHashMap<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode op = body.get(i);
            keyed.put(op.hasNonNull("key") ? op.get("key").asText() : Integer.toString(i), op);
        }
        return keyed.entrySet().iterator();
    }

    private void operation(String key, JsonNode op) {
        String entity = op.path("entity").asText("");
        String action = op.path("action").asText("");
        JsonNode payload = op.path("payload");
        if (!ShopwareStore.ENTITIES.contains(entity) || entity.equals("currency") || entity.equals("sales_channel")
                || entity.equals("language")) {
            violations.add(error("FRAMEWORK__DEFINITION_NOT_FOUND", "400", "Definition for entity \"" + entity + "\" not found "
                    + "or not writable here.", "/" + key + "/entity"));
            return;
        }
        if (!action.equals("upsert") && !action.equals("delete")) {
            violations.add(error("FRAMEWORK__SYNC_ACTION", "400", "Action \"" + action + "\" is not upsert or delete.", "/" + key + "/action"));
            return;
        }
        if (!payload.isArray() || payload.isEmpty()) {
            violations.add(error("FRAMEWORK__SYNC_PAYLOAD", "400", "An operation needs a non-empty payload.", "/" + key + "/payload"));
            return;
        }
        for (int i = 0; i < payload.size(); i++) {
            String pointer = "/" + key + "/" + i;
            JsonNode record = payload.get(i);
            if (!record.isObject() || !HEX_ID.matcher(record.path("id").asText("")).matches()) {
                violate(pointer + "/id", "FRAMEWORK__INVALID_UUID", "The id must be a 32-character lower-case hex UUID.");
                continue;
            }
            if (action.equals("delete")) {
                deleted.put(record.get("id").asText(), entity);
                continue;
            }
            switch (entity) {
                case "product" -> product((ObjectNode) record, pointer);
                case "category" -> category((ObjectNode) record, pointer);
                case "tax" -> tax((ObjectNode) record, pointer);
                case "property_group" -> propertyGroup((ObjectNode) record, pointer);
                case "product_visibility" -> visibility(record.path("productId").asText(null), (ObjectNode) record, pointer);
                case "product_configurator_setting" -> configuratorSetting(record.path("productId").asText(null), (ObjectNode) record, pointer);
                case "media" -> media((ObjectNode) record, pointer);
                case "product_media" -> productMedia(record.path("productId").asText(null), (ObjectNode) record, pointer);
                default -> simple(entity, (ObjectNode) record, pointer);
            }
        }
    }

    private void product(ObjectNode record, String pointer) {
        String id = record.get("id").asText();
        ObjectNode existing = find("product", id);
        boolean create = existing == null;
        String parentId = record.has("parentId") ? record.path("parentId").asText(null)
                : existing == null ? null : existing.path("parentId").asText(null);
        if (create) {
            required(record, "productNumber", pointer);
            if (!record.has("stock")) {
                violate(pointer + "/stock", "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
            }
            if (parentId == null) {
                required(record, "name", pointer);
                if (!record.hasNonNull("taxId") && !record.path("tax").isObject()) {
                    violate(pointer + "/taxId", "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
                }
                if (!record.path("price").isArray() || record.path("price").isEmpty()) {
                    violate(pointer + "/price", "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
                }
            }
        }
        if (record.has("stock") && !record.get("stock").canConvertToInt()) {
            violate(pointer + "/stock", "ba785a8c-82cb-4283-967c-3cf342181b40", "This value should be of type int.");
        }
        if (record.has("price")) {
            prices(record.get("price"), pointer + "/price");
        }
        if (parentId != null && find("product", parentId) == null) {
            integrity("product", "parent_id");
        }
        String number = record.path("productNumber").asText(null);
        if (number != null && duplicateNumber == null) {
            String owner = numberOwner(number);
            if (owner != null && !owner.equals(id)) {
                duplicateNumber = number;
            }
        }
        if (record.path("tax").isObject()) {
            tax((ObjectNode) record.get("tax"), pointer + "/tax");
        }
        String taxId = record.path("tax").isObject() ? record.path("tax").path("id").asText() : record.path("taxId").asText(null);
        if (taxId != null && find("tax", taxId) == null) {
            integrity("product", "tax_id");
        }
        ObjectNode row = merged("product", id, record, PRODUCT_ASSOCIATIONS);
        if (taxId != null) {
            row.put("taxId", taxId);
        }
        reference(record, "manufacturer", "product_manufacturer", row, "manufacturerId", pointer);
        reference(record, "unit", "unit", row, "unitId", pointer);
        links(record.path("categories"), row, "categoryIds", pointer + "/categories", this::categoryLink);
        links(record.path("options"), row, "optionIds", pointer + "/options", this::optionLink);
        JsonNode visibilities = record.path("visibilities");
        for (int i = 0; i < visibilities.size(); i++) {
            visibility(id, (ObjectNode) visibilities.get(i), pointer + "/visibilities/" + i);
        }
        JsonNode settings = record.path("configuratorSettings");
        for (int i = 0; i < settings.size(); i++) {
            configuratorSetting(id, (ObjectNode) settings.get(i), pointer + "/configuratorSettings/" + i);
        }
        JsonNode media = record.path("media");
        for (int i = 0; i < media.size(); i++) {
            productMedia(id, (ObjectNode) media.get(i), pointer + "/media/" + i);
        }
        cover(id, record, pointer);
    }

    /**
     * The cover (product.product_media_id) references a product_media row. Shopware's key only asks
     * that the row exists; a cover of another product is refused here as well, as a mapping error.
     */
    private void cover(String productId, ObjectNode record, String pointer) {
        String coverId = record.path("coverId").asText(null);
        if (coverId == null) {
            return;
        }
        ObjectNode cover = find("product_media", coverId);
        if (cover == null) {
            integrity("product", "product_media_id");
        } else if (!productId.equals(cover.path("productId").asText())) {
            violate(pointer + "/coverId", "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION", "The cover " + coverId
                    + " is a media of product " + cover.path("productId").asText() + ", not of this one.");
        }
    }

    /** A media entity: every field is optional; its folder must exist. The file comes with an upload of its own. */
    private void media(ObjectNode record, String pointer) {
        for (String field : List.of("hasFile", "fileSize", "uploadedAt", "mediaType", "metaData")) {
            if (record.has(field)) {
                violate(pointer + "/" + field, "FRAMEWORK__WRITE_PROTECTED_FIELD", "This field is write-protected.");
            }
        }
        String folder = record.path("mediaFolderId").asText(null);
        if (folder != null && find("media_folder", folder) == null) {
            integrity("media", "media_folder_id");
        }
        merged("media", record.get("id").asText(), record, Set.of("mediaFolder"));
    }

    /** A product's media (product_media): the media it shows must exist, position orders them. */
    private void productMedia(String productId, ObjectNode record, String pointer) {
        String id = record.path("id").asText("");
        if (!HEX_ID.matcher(id).matches()) {
            violate(pointer + "/id", "FRAMEWORK__INVALID_UUID", "The id must be a 32-character lower-case hex UUID.");
            return;
        }
        if (record.path("media").isObject()) {
            ObjectNode nested = (ObjectNode) record.get("media");
            if (!HEX_ID.matcher(nested.path("id").asText("")).matches()) {
                violate(pointer + "/media/id", "FRAMEWORK__INVALID_UUID", "The id must be a 32-character lower-case hex UUID.");
                return;
            }
            media(nested, pointer + "/media");
            record = record.deepCopy().put("mediaId", nested.get("id").asText());
        }
        String mediaId = record.path("mediaId").asText(null);
        if (find("product_media", id) == null && mediaId == null) {
            violate(pointer + "/mediaId", "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
            return;
        }
        if (record.has("position") && !record.get("position").canConvertToInt()) {
            violate(pointer + "/position", "ba785a8c-82cb-4283-967c-3cf342181b40", "This value should be of type int.");
        }
        if (mediaId != null && find("media", mediaId) == null) {
            integrity("product_media", "media_id");
        }
        if (productId == null || find("product", productId) == null) {
            integrity("product_media", "product_id");
        }
        ObjectNode row = merged("product_media", id, record, Set.of("media", "product"));
        row.put("productId", productId);
    }

    private void prices(JsonNode prices, String pointer) {
        if (!prices.isArray()) {
            violate(pointer, "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION", "This value should be of type array.");
            return;
        }
        boolean defaultCurrency = false;
        for (int p = 0; p < prices.size(); p++) {
            JsonNode price = prices.get(p);
            priceRow(price, pointer + "/" + p);
            if (price.hasNonNull("listPrice")) {
                priceRow(price.get("listPrice"), pointer + "/" + p + "/listPrice");
            }
            String currency = price.path("currencyId").asText("");
            defaultCurrency |= ShopwareStore.DEFAULT_CURRENCY.equals(currency);
            if (HEX_ID.matcher(currency).matches() && find("currency", currency) == null) {
                integrity("product", "price.currency_id");
            }
        }
        if (!defaultCurrency) {
            violate(pointer, "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION", "No price for default currency defined");
        }
    }

    private void priceRow(JsonNode price, String pointer) {
        if (!HEX_ID.matcher(price.path("currencyId").asText("")).matches()) {
            violate(pointer + "/currencyId", "FRAMEWORK__INVALID_UUID", "The currencyId must be a 32-character hex UUID.");
        }
        for (String field : List.of("gross", "net")) {
            if (!price.path(field).isNumber()) {
                violate(pointer + "/" + field, "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
            }
        }
        if (!price.path("linked").isBoolean()) {
            violate(pointer + "/linked", "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION", "This value should be of type boolean.");
        }
    }

    private void category(ObjectNode record, String pointer) {
        String id = record.get("id").asText();
        if (find("category", id) == null) {
            required(record, "name", pointer);
        }
        if (record.has("type") && !CATEGORY_TYPES.contains(record.path("type").asText())) {
            violate(pointer + "/type", "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION", "The value you selected is not a valid choice.");
        }
        for (String reference : List.of("parentId", "afterCategoryId")) {
            String target = record.path(reference).asText(null);
            if (target != null && !target.equals(id) && find("category", target) == null) {
                integrity("category", reference.equals("parentId") ? "parent_id" : "after_category_id");
            }
        }
        ObjectNode row = merged("category", id, record, Set.of());
        if (!row.has("active")) {
            row.put("active", true);
        }
        if (!row.has("visible")) {
            row.put("visible", true);
        }
    }

    private void tax(ObjectNode record, String pointer) {
        String id = record.path("id").asText("");
        if (!HEX_ID.matcher(id).matches()) {
            violate(pointer + "/id", "FRAMEWORK__INVALID_UUID", "The id must be a 32-character lower-case hex UUID.");
            return;
        }
        if (find("tax", id) == null) {
            required(record, "name", pointer);
            if (!record.path("taxRate").isNumber()) {
                violate(pointer + "/taxRate", "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
            }
        }
        merged("tax", id, record, Set.of());
    }

    private void propertyGroup(ObjectNode record, String pointer) {
        String id = record.get("id").asText();
        if (find("property_group", id) == null) {
            required(record, "name", pointer);
        }
        merged("property_group", id, record, Set.of("options"));
        JsonNode options = record.path("options");
        for (int i = 0; i < options.size(); i++) {
            ObjectNode option = ((ObjectNode) options.get(i)).deepCopy();
            option.put("groupId", id);
            option((ObjectNode) option, pointer + "/options/" + i);
        }
    }

    /** An option written nested (with its group) or referenced by id; the id it has. */
    private String option(ObjectNode record, String pointer) {
        String id = record.path("id").asText("");
        if (!HEX_ID.matcher(id).matches()) {
            violate(pointer + "/id", "FRAMEWORK__INVALID_UUID", "The id must be a 32-character lower-case hex UUID.");
            return null;
        }
        if (record.size() == 1) {
            if (find("property_group_option", id) == null) {
                integrity("product_option", "property_group_option_id");
            }
            return id;
        }
        if (record.path("group").isObject()) {
            ObjectNode group = (ObjectNode) record.get("group");
            propertyGroup(group, pointer + "/group");
            record.put("groupId", group.path("id").asText());
        }
        if (find("property_group_option", id) == null) {
            required(record, "name", pointer);
            if (!record.hasNonNull("groupId")) {
                violate(pointer + "/groupId", "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
            }
        }
        String groupId = record.path("groupId").asText(null);
        if (groupId != null && find("property_group", groupId) == null) {
            integrity("property_group_option", "property_group_id");
        }
        merged("property_group_option", id, record, Set.of("group"));
        return id;
    }

    private String optionLink(ObjectNode link, String pointer) {
        return option(link, pointer);
    }

    private String categoryLink(ObjectNode link, String pointer) {
        String id = link.path("id").asText("");
        if (link.size() > 1) {
            category(link, pointer);
        } else if (find("category", id) == null) {
            integrity("product_category", "category_id");
        }
        return id;
    }

    private void visibility(String productId, ObjectNode record, String pointer) {
        String channel = record.path("salesChannelId").asText(null);
        int visibility = record.path("visibility").asInt(-1);
        if (!record.path("visibility").isInt() || !VISIBILITIES.contains(visibility)) {
            violate(pointer + "/visibility", "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION", "The value you selected is not a valid choice.");
        }
        if (channel == null || !HEX_ID.matcher(channel).matches()) {
            violate(pointer + "/salesChannelId", "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
            return;
        }
        if (find("sales_channel", channel) == null) {
            integrity("product_visibility", "sales_channel_id");
        }
        if (productId == null || (find("product", productId) == null)) {
            integrity("product_visibility", "product_id");
        }
        String id = record.hasNonNull("id") ? record.get("id").asText() : ShopwareStore.derivedId(productId + ":" + channel);
        unique("product_visibility", id, productId, "salesChannelId", channel);
        ObjectNode row = merged("product_visibility", id, record, Set.of());
        row.put("productId", productId);
    }

    private void configuratorSetting(String productId, ObjectNode record, String pointer) {
        String optionId = record.path("option").isObject() ? option((ObjectNode) record.get("option"), pointer + "/option")
                : record.path("optionId").asText(null);
        if (optionId == null) {
            violate(pointer + "/optionId", "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
            return;
        }
        if (find("property_group_option", optionId) == null) {
            integrity("product_configurator_setting", "property_group_option_id");
        }
        if (productId == null || find("product", productId) == null) {
            integrity("product_configurator_setting", "product_id");
        }
        String id = record.hasNonNull("id") ? record.get("id").asText() : ShopwareStore.derivedId(productId + ":" + optionId);
        unique("product_configurator_setting", id, productId, "optionId", optionId);
        ObjectNode row = merged("product_configurator_setting", id, record, Set.of("option"));
        row.put("productId", productId).put("optionId", optionId);
    }

    private void simple(String entity, ObjectNode record, String pointer) {
        if (find(entity, record.get("id").asText()) == null) {
            required(record, entity.equals("unit") ? "shortCode" : "name", pointer);
        }
        merged(entity, record.get("id").asText(), record, Set.of());
    }

    /** A nested many-to-one (manufacturer, unit) written with the product, or its id field. */
    private void reference(ObjectNode record, String association, String entity, ObjectNode row, String idField, String pointer) {
        if (record.path(association).isObject()) {
            ObjectNode nested = (ObjectNode) record.get(association);
            if (!HEX_ID.matcher(nested.path("id").asText("")).matches()) {
                violate(pointer + "/" + association + "/id", "FRAMEWORK__INVALID_UUID", "The id must be a 32-character hex UUID.");
                return;
            }
            simple(entity, nested, pointer + "/" + association);
            row.put(idField, nested.get("id").asText());
        } else if (record.hasNonNull(idField) && find(entity, record.get(idField).asText()) == null) {
            integrity("product", idField);
        }
    }

    private interface Link {
        String id(ObjectNode link, String pointer);
    }

    /** A to-many link list: the ids are added to what the product has. */
    private void links(JsonNode links, ObjectNode row, String field, String pointer, Link link) {
        if (!links.isArray() || links.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        row.path(field).forEach(known -> ids.add(known.asText()));
        for (int i = 0; i < links.size(); i++) {
            String id = link.id((ObjectNode) links.get(i), pointer + "/" + i);
            if (id != null) {
                ids.add(id);
            }
        }
        ArrayNode list = row.putArray(field);
        ids.forEach(list::add);
    }

    private void unique(String entity, String id, String productId, String field, String value) {
        List<ObjectNode> candidates = new ArrayList<>(storedByProduct(entity).getOrDefault(productId, List.of()));
        candidates.addAll(pending.getOrDefault(entity, Map.of()).values());
        for (ObjectNode row : candidates) {
            if (!row.path("id").asText().equals(id) && row.path("productId").asText("").equals(productId)
                    && row.path(field).asText("").equals(value)) {
                integrity(entity, "uniq." + entity + "." + field);
            }
        }
    }

    /**
     * The stored rows of a product's own table by product id, indexed once per request: the store
     * does not change before the request commits, and a scan per record made big syncs quadratic.
     */
    private Map<String, List<ObjectNode>> storedByProduct(String entity) {
        return storedByProduct.computeIfAbsent(entity, store::byProduct);
    }

    private ObjectNode merged(String entity, String id, ObjectNode record, Set<String> without) {
        ObjectNode existing = find(entity, id);
        ObjectNode row = existing == null ? Json.MAPPER.createObjectNode() : existing.deepCopy();
        record.fields().forEachRemaining(field -> {
            if (!without.contains(field.getKey())) {
                row.set(field.getKey(), field.getValue());
            }
        });
        pending.computeIfAbsent(entity, e -> new LinkedHashMap<>()).put(id, row);
        written.computeIfAbsent(entity, e -> new LinkedHashSet<>()).add(id);
        return row;
    }

    private ObjectNode find(String entity, String id) {
        if (id == null) {
            return null;
        }
        if (deleted.containsKey(id)) {
            return null;
        }
        ObjectNode pendingRow = pending.getOrDefault(entity, Map.of()).get(id);
        return pendingRow != null ? pendingRow : store.of(entity).get(id);
    }

    private String numberOwner(String number) {
        for (ObjectNode product : pending.getOrDefault("product", Map.of()).values()) {
            if (number.equals(product.path("productNumber").asText(null))) {
                return product.get("id").asText();
            }
        }
        if (storedNumbers == null) {
            storedNumbers = new java.util.HashMap<>();
            store.of("product").values().forEach(product -> {
                if (product.hasNonNull("productNumber")) {
                    storedNumbers.putIfAbsent(product.get("productNumber").asText(), product.get("id").asText());
                }
            });
        }
        return storedNumbers.get(number);
    }

    private void required(ObjectNode record, String field, String pointer) {
        if (record.path(field).asText("").isBlank()) {
            violate(pointer + "/" + field, "c1051bb4-d103-4f74-8988-acbcafc7fdc3", "This value should not be blank.");
        }
    }

    private void violate(String pointer, String code, String detail) {
        violations.add(error(code, "400", detail, pointer));
    }

    private void integrity(String table, String column) {
        if (integrityFailure == null) {
            integrityFailure = "`shopware`.`" + table + "`, CONSTRAINT `fk." + table + "." + column + "`";
        }
    }

    private static Map<String, Object> error(String code, String status, String detail, String pointer) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", code);
        entry.put("status", status);
        entry.put("title", status.equals("500") ? "Internal Server Error" : "Bad Request");
        entry.put("detail", detail);
        if (pointer != null) {
            entry.put("source", Map.of("pointer", pointer));
        }
        return entry;
    }

    private static Map<String, Object> errors(List<Map<String, Object>> errors) {
        return Map.of("errors", errors);
    }
}
