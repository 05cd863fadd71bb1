package dev.syncline.catalog.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentyTruth;
import dev.syncline.catalog.support.ShopwareAdminSchema;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write the service sends to Shopware, held against Shopware's own published Admin API
 * description rather than against the sandbox: the sync request's envelope against the
 * {@code _action/sync} request body, each record against its entity's schema (products with their
 * media and cover, media entities), and every image upload against the published
 * {@code _action/media/{mediaId}/upload} (its parameters and JSON body). A field Shopware does not
 * have fails here.
 */
@QuarkusTest
class ShopwareContractTest extends CatalogTestBase {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everySyncRequestOfFullAndDeltaSyncsIsWhatShopwarePublishes() throws Exception {
        ShopwareAdminSchema schema = ShopwareAdminSchema.get();
        PLENTY.reset(150);
        // The shop has no 7 % tax, so the run creates one: tax writes are checked too.
        SHOPWARE.delete("tax", SHOPWARE.entities("tax").stream().filter(t -> ((Number) t.get("taxRate")).doubleValue() == 7.0)
                .map(t -> (String) t.get("id")).toList());
        int before = SHOPWARE.syncRequests().size();
        String tenant = CatalogApi.testTenant("api");
        // Texts in a second language are requests of their own (sw-language-id): checked too.
        CatalogApi.changeTenant(tenant, Map.of("translationLanguages", List.of("en"))).then().statusCode(200);
        CatalogApi.syncConfig(tenant);
        JsonPath first = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", first.getString("status"));
        assertEquals(1, first.getLong("counts.taxesCreated"), "the missing 7 % tax was created, and the run says so");
        assertEquals(1, SHOPWARE.entities("tax").stream().filter(t -> ((Number) t.get("taxRate")).doubleValue() == 7.0).count());
        PLENTY.advanceClock(30);
        PLENTY.change(10);
        assertEquals("succeeded", CatalogApi.sync(tenant, "PRODUCT_DELTA").getString("status"));
        // A variation gone from Plenty: the next full sync deletes its product (the tenant asks for that), and an image
        // gone from Plenty has its media deleted: deletes are checked too.
        CatalogApi.changeTenant(tenant, Map.of("retiredProducts", "delete")).then().statusCode(200);
        List<Map<String, Object>> variations = new PlentyTruth(PLENTY).variations;
        PLENTY.delete(List.of(PlentyTruth.id(variations.get(0).get("id"))));
        PLENTY.deleteImages(List.of(PlentyTruth.id(variations.get(variations.size() - 1).get("itemId"))));
        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", full.getString("status"), full.prettify());
        assertTrue(full.getLong("counts.deleted") > 0, full.prettify());
        assertEquals(1, full.getLong("counts.imagesRemoved"), full.prettify());
        assertEquals(0, full.getLong("counts.taxesCreated"), "the created tax serves from then on");

        JsonNode received = SHOPWARE.syncRequests();
        assertEquals(SHOPWARE.stats().getInt("syncRequests"), received.size(), "every request the shop got is checked");
        List<String> violations = new ArrayList<>();
        Set<String> entities = new TreeSet<>();
        for (int r = before; r < received.size(); r++) {
            JsonNode request = received.get(r);
            schema.syncRequestViolations(request).forEach(v -> violations.add("request envelope: " + v));
            for (JsonNode operation : request.isArray() ? request : mapper.createArrayNode()) {
                String entity = operation.path("entity").asText();
                entities.add(entity + ":" + operation.path("action").asText());
                if (!schema.hasEntity(entity)) {
                    violations.add("Shopware has no entity " + entity);
                    continue;
                }
                for (JsonNode record : operation.path("payload")) {
                    schema.writeViolations(entity, record).forEach(v -> violations.add(entity + " " + record.path("id").asText() + ": " + v));
                }
            }
        }
        assertEquals(List.of(), violations.stream().distinct().limit(40).toList());
        assertEquals(Set.of("category:upsert", "media:delete", "media:upsert", "product:delete", "product:upsert", "property_group:upsert",
                "tax:upsert"), entities);
        assertTrue(received.toString().contains("\"coverId\""), "products were sent with their media and cover");

        List<Map<String, Object>> uploads = SHOPWARE.uploads();
        assertFalse(uploads.isEmpty(), "images were uploaded");
        List<String> uploadViolations = new ArrayList<>();
        for (Map<String, Object> upload : uploads) {
            uploadViolations.addAll(uploadViolations(schema, upload));
        }
        assertEquals(List.of(), uploadViolations.stream().distinct().limit(40).toList());
    }

    /** An upload request as the shop received it, against the published upload action. */
    @SuppressWarnings("unchecked")
    private List<String> uploadViolations(ShopwareAdminSchema schema, Map<String, Object> upload) throws Exception {
        Map<String, String> parameters = new java.util.HashMap<>((Map<String, String>) upload.get("query"));
        parameters.put("mediaId", (String) upload.get("mediaId"));
        List<String> violations = new ArrayList<>(schema.actionRequestViolations("/_action/media/{mediaId}/upload", parameters,
                mapper.valueToTree(upload.get("body"))));
        if (!String.valueOf(upload.get("contentType")).startsWith("application/json")) {
            violations.add("an upload by URL is sent as application/json, not " + upload.get("contentType"));
        }
        return violations;
    }

    @Test
    void theSchemaRefusesAFieldShopwareDoesNotHave() throws Exception {
        ShopwareAdminSchema schema = ShopwareAdminSchema.get();
        JsonNode good = mapper.valueToTree(Map.of("id", "0123456789abcdef0123456789abcdef", "stock", 3,
                "visibilities", List.of(Map.of("salesChannelId", "98432def39fc4624b33213a56b8c944d", "visibility", 30))));
        JsonNode misnamed = mapper.valueToTree(Map.of("id", "0123456789abcdef0123456789abcdef", "netStock", 3));
        JsonNode nestedMisnamed = mapper.valueToTree(Map.of("id", "0123456789abcdef0123456789abcdef",
                "visibilities", List.of(Map.of("salesChannel", "98432def39fc4624b33213a56b8c944d", "visibility", 30))));
        JsonNode readOnly = mapper.valueToTree(Map.of("id", "0123456789abcdef0123456789abcdef", "availableStock", 3));
        JsonNode wrongType = mapper.valueToTree(Map.of("id", "0123456789abcdef0123456789abcdef", "stock", "3"));

        assertEquals(List.of(), schema.writeViolations("product", good));
        assertTrue(schema.writeViolations("product", misnamed).toString().contains("netStock"));
        assertTrue(schema.writeViolations("product", nestedMisnamed).toString().contains("salesChannel"));
        assertFalse(schema.writeViolations("product", readOnly).isEmpty(), "a read-only field is not written");
        assertFalse(schema.writeViolations("product", wrongType).isEmpty());
        JsonNode withMedia = mapper.valueToTree(Map.of("id", "0123456789abcdef0123456789abcdef", "coverId", "1123456789abcdef0123456789abcdef",
                "media", List.of(Map.of("id", "1123456789abcdef0123456789abcdef", "mediaId", "2123456789abcdef0123456789abcdef", "position", 0))));
        JsonNode misnamedMedia = mapper.valueToTree(Map.of("id", "0123456789abcdef0123456789abcdef",
                "media", List.of(Map.of("id", "1123456789abcdef0123456789abcdef", "media_id", "2123456789abcdef0123456789abcdef"))));
        assertEquals(List.of(), schema.writeViolations("product", withMedia));
        assertTrue(schema.writeViolations("product", misnamedMedia).toString().contains("media_id"));
        assertFalse(schema.writeViolations("media", mapper.valueToTree(Map.of("id", "2123456789abcdef0123456789abcdef", "fileSize", 3)))
                .isEmpty(), "a media's file size is Shopware's to set");
        String upload = "/_action/media/{mediaId}/upload";
        assertEquals(List.of(), schema.actionRequestViolations(upload, Map.of("mediaId", "2123456789abcdef0123456789abcdef",
                "extension", "png", "fileName", "jacke"), mapper.valueToTree(Map.of("url", "https://cdn.example.com/a.png"))));
        assertTrue(schema.actionRequestViolations(upload, Map.of("mediaId", "2123456789abcdef0123456789abcdef", "fileName", "jacke"),
                mapper.valueToTree(Map.of("url", "https://cdn.example.com/a.png"))).toString().contains("extension"));
        assertFalse(schema.actionRequestViolations(upload, Map.of("mediaId", "2123456789abcdef0123456789abcdef", "extension", "png"),
                mapper.valueToTree(Map.of("uri", "https://cdn.example.com/a.png"))).isEmpty(), "the body names the file's url");
        assertFalse(schema.actionRequestViolations(upload, Map.of("mediaId", "not-an-id", "extension", "png"),
                mapper.valueToTree(Map.of("url", "https://cdn.example.com/a.png"))).isEmpty(), "the media id is a hex UUID");
        assertFalse(schema.syncRequestViolations(mapper.valueToTree(Map.of("write", Map.of("entity", "product", "action", "upsert",
                "payload", List.of())))).isEmpty(), "the published request body is a list of operations");
    }
}
