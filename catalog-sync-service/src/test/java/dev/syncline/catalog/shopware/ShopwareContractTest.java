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
 * {@code _action/sync} request body, each record against its entity's schema. A field Shopware
 * does not have fails here.
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
        assertEquals("succeeded", CatalogApi.sync(tenant, "FULL_PRODUCT").getString("status"));
        PLENTY.advanceClock(30);
        PLENTY.change(10);
        assertEquals("succeeded", CatalogApi.sync(tenant, "PRODUCT_DELTA").getString("status"));
        // A variation gone from Plenty: the next full sync deactivates its product, a write of its own.
        PLENTY.delete(List.of(PlentyTruth.id(new PlentyTruth(PLENTY).variations.get(0).get("id"))));
        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", full.getString("status"));
        assertTrue(full.getLong("counts.deactivated") > 0);

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
        assertEquals(Set.of("category:upsert", "product:upsert", "property_group:upsert", "tax:upsert"), entities);
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
        assertFalse(schema.syncRequestViolations(mapper.valueToTree(Map.of("write", Map.of("entity", "product", "action", "upsert",
                "payload", List.of())))).isEmpty(), "the published request body is a list of operations");
    }
}
