package dev.syncline.sandbox.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.sandbox.http.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sync request in one of the shop's languages, named by the {@code sw-language-id} header
 * (Shopware's ApiRequestContextResolver; Admin API guide, "Request headers"). An id that is not a
 * language of the shop is 412 FRAMEWORK__LANGUAGE_NOT_FOUND. In the system language the request
 * is an ordinary one; in another, the translated fields of products and categories are written as
 * that language's translation and the rest as usual. The DAL needs a record's texts in the system
 * language when it creates it, so a record that does not exist yet cannot be created in another
 * language: such a request is refused, naming the record.
 */
final class ShopwareTranslations {

    static final Set<String> TRANSLATED = Set.of("name", "description", "metaTitle", "metaDescription", "keywords");
    private static final Set<String> WITH_TEXTS = Set.of("product", "category");

    private record Texts(String entity, String id, ObjectNode fields) {
    }

    private ShopwareTranslations() {
    }

    static ShopwareSync.Outcome apply(ShopwareStore store, JsonNode body, String languageId) {
        if (!store.of("language").containsKey(languageId)) {
            return new ShopwareSync.Outcome(412, errors("412", "Precondition Failed", "FRAMEWORK__LANGUAGE_NOT_FOUND",
                    "The language \"" + languageId + "\" was not found.", null));
        }
        if (ShopwareStore.SYSTEM_LANGUAGE.equals(languageId) || !body.isArray()) {
            return ShopwareSync.apply(store, body);
        }
        ArrayNode rest = Json.MAPPER.createArrayNode();
        List<Texts> texts = new ArrayList<>();
        for (int k = 0; k < body.size(); k++) {
            ObjectNode operation = ((ObjectNode) body.get(k)).deepCopy();
            String entity = operation.path("entity").asText();
            ArrayNode kept = Json.MAPPER.createArrayNode();
            JsonNode payload = operation.path("payload");
            for (int i = 0; i < payload.size(); i++) {
                JsonNode record = payload.get(i);
                if (!WITH_TEXTS.contains(entity) || !"upsert".equals(operation.path("action").asText()) || !record.isObject()) {
                    kept.add(record);
                    continue;
                }
                ObjectNode others = ((ObjectNode) record).deepCopy();
                ObjectNode fields = Json.MAPPER.createObjectNode();
                TRANSLATED.forEach(field -> {
                    if (others.has(field)) {
                        fields.set(field, others.remove(field));
                    }
                });
                String id = record.path("id").asText();
                if (!fields.isEmpty() && !store.of(entity).containsKey(id)) {
                    return new ShopwareSync.Outcome(400, errors("400", "Bad Request", "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION",
                            "The " + entity + " " + id + " has no translation in the system language: it cannot be created in another one.",
                            "/" + k + "/" + i + "/name"));
                }
                if (!fields.isEmpty()) {
                    texts.add(new Texts(entity, id, fields));
                }
                if (others.size() > 1) {
                    kept.add(others);
                }
            }
            if (!kept.isEmpty()) {
                operation.set("payload", kept);
                rest.add(operation);
            }
        }
        ShopwareSync.Outcome outcome = rest.isEmpty() ? new ShopwareSync.Outcome(200, Map.of("data", Map.of(), "notFound", List.of(),
                "deleted", List.of())) : ShopwareSync.apply(store, rest);
        if (outcome.status() == 200) {
            texts.forEach(t -> ((ObjectNode) store.of(t.entity()).get(t.id()).with("translations").with(languageId)).setAll(t.fields()));
        }
        return outcome;
    }

    private static Map<String, Object> errors(String status, String title, String code, String detail, String pointer) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("title", title);
        error.put("detail", detail);
        if (pointer != null) {
            error.put("source", Map.of("pointer", pointer));
        }
        return Map.of("errors", List.of(error));
    }
}
