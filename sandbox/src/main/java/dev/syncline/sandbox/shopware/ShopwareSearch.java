package dev.syncline.sandbox.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.sandbox.http.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/search/<entity>} over a shop's store: {@code equals} and {@code equalsAny}
 * filters, {@code page}/{@code limit} (1 to 500), {@code total-count-mode}, and {@code includes},
 * which restricts each record to the named fields as Shopware's JSON encoder does. Products come
 * with their associations (tax, categories, options with their group, manufacturer, unit,
 * visibilities, configurator settings, media); the rows of a product's own tables are indexed once
 * per request, so a search costs the same however large the shop grows.
 */
final class ShopwareSearch {

    /** A search Shopware refuses, with its status, code and detail. */
    static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String detail) {
            super(detail);
            this.code = code;
        }
    }

    private record Filter(String field, String type, JsonNode value, Set<String> any) {

        static Filter of(JsonNode filter) {
            Set<String> any = new HashSet<>();
            JsonNode values = filter.path("value");
            if (values.isArray()) {
                values.forEach(v -> any.add(v.asText()));
            } else {
                any.addAll(List.of(values.asText().split("\\|")));
            }
            return new Filter(filter.path("field").asText(), filter.path("type").asText(), values, any);
        }

        boolean matches(ObjectNode row) {
            JsonNode actual = row.path(field);
            String text = actual.asText(null);
            return switch (type) {
                case "equals" -> value.isNumber() && actual.isNumber() ? value.decimalValue().compareTo(actual.decimalValue()) == 0
                        : value.asText().equals(text);
                case "equalsAny" -> any.contains(text);
                default -> false;
            };
        }
    }

    private final ShopwareStore store;
    private Map<String, List<ObjectNode>> visibilities;
    private Map<String, List<ObjectNode>> settings;
    private Map<String, List<ObjectNode>> media;

    ShopwareSearch(ShopwareStore store) {
        this.store = store;
    }

    Map<String, Object> search(String entity, JsonNode criteria) {
        int page = Math.max(1, criteria.path("page").asInt(1));
        int limit = criteria.path("limit").asInt(25);
        if (limit < 1 || limit > 500) {
            throw new Refused("FRAMEWORK__INVALID_LIMIT_QUERY", "The limit must be between 1 and 500.");
        }
        Map<String, ObjectNode> rows = store.of(entity);
        if (rows == null) {
            throw new Refused("FRAMEWORK__DEFINITION_NOT_FOUND", "Definition for entity \"" + entity + "\" not found.");
        }
        List<Filter> filters = new ArrayList<>();
        criteria.path("filter").forEach(f -> filters.add(Filter.of(f)));
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode row : rows.values()) {
            if (filters.stream().allMatch(f -> f.matches(row))) {
                matching.add(row);
            }
        }
        int from = (page - 1) * limit;
        List<ObjectNode> data = new ArrayList<>();
        for (ObjectNode row : matching.subList(Math.min(from, matching.size()), Math.min(matching.size(), from + limit))) {
            ObjectNode view = entity.equals("product") ? product(row)
                    : entity.equals("language") && !criteria.path("associations").has("locale") ? row.deepCopy().without("locale")
                    : row;
            data.add(included(view, criteria.path("includes").path(entity)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", "exact".equals(criteria.path("total-count-mode").asText()) || criteria.path("total-count-mode").asInt(0) == 1
                ? matching.size() : data.size());
        answer.put("data", data);
        answer.put("aggregations", List.of());
        return answer;
    }

    /** Every product of the shop as read with its associations. */
    List<ObjectNode> products() {
        return store.of("product").values().stream().map(this::product).toList();
    }

    private static ObjectNode included(ObjectNode view, JsonNode fields) {
        if (!fields.isArray() || fields.isEmpty()) {
            return view;
        }
        ObjectNode kept = Json.MAPPER.createObjectNode();
        fields.forEach(field -> {
            if (view.has(field.asText())) {
                kept.set(field.asText(), view.get(field.asText()));
            }
        });
        return kept;
    }

    /** A product as read with its associations: tax, categories, options with groups, manufacturer, unit, visibilities, settings, media. */
    private ObjectNode product(ObjectNode product) {
        if (visibilities == null) {
            visibilities = store.byProduct("product_visibility");
            settings = store.byProduct("product_configurator_setting");
            media = store.byProduct("product_media");
        }
        ObjectNode view = product.deepCopy();
        String id = product.get("id").asText();
        if (product.hasNonNull("taxId")) {
            view.set("tax", store.of("tax").get(product.get("taxId").asText()));
        }
        ArrayNode categories = view.putArray("categories");
        product.path("categoryIds").forEach(c -> categories.add(store.of("category").get(c.asText())));
        ArrayNode options = view.putArray("options");
        product.path("optionIds").forEach(o -> {
            ObjectNode option = store.of("property_group_option").get(o.asText()).deepCopy();
            option.set("group", store.of("property_group").get(option.path("groupId").asText()));
            options.add(option);
        });
        if (product.hasNonNull("manufacturerId")) {
            view.set("manufacturer", store.of("product_manufacturer").get(product.get("manufacturerId").asText()));
        }
        if (product.hasNonNull("unitId")) {
            view.set("unit", store.of("unit").get(product.get("unitId").asText()));
        }
        visibilities.getOrDefault(id, List.of()).forEach(view.putArray("visibilities")::add);
        settings.getOrDefault(id, List.of()).forEach(view.putArray("configuratorSettings")::add);
        ArrayNode productMedia = view.putArray("media");
        media.getOrDefault(id, List.of()).stream().sorted(Comparator.comparingInt(m -> m.path("position").asInt(0)))
                .forEach(productMedia::add);
        return view;
    }
}
