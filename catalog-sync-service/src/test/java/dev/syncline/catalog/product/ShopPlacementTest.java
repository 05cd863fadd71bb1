package dev.syncline.catalog.product;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentySandbox;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the catalog lands in the shop: the sales channels a tenant names (else every storefront
 * channel), the root category it names (else the channel's navigation category), and Plenty's
 * category tree with its sibling order, following a category Plenty moves.
 */
@QuarkusTest
class ShopPlacementTest extends CatalogTestBase {

    /** The sandbox shop's headless sales channel and its storefront one. */
    private static final String HEADLESS = "4d2b3a7c9e8f4a1b8c6d5e4f3a2b1c0d";
    private static final String STOREFRONT = "98432def39fc4624b33213a56b8c944d";
    private static final String HOME = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String OWN_ROOT = "5f0e3c1a9b8d4e7f a6c2d1b0e9f8a7c6".replace(" ", "");

    @Test
    void namedSalesChannelsAndRootCategoryPlaceTheCatalog() {
        SHOPWARE.upsert("category", List.of(Map.of("id", OWN_ROOT, "name", "Plenty-Sortiment", "parentId", HOME, "type", "page")));
        String tenant = CatalogApi.tenant("Shop Süd", PlentySandbox.MAIN, SHOPWARE, "api");
        CatalogApi.changeTenant(tenant, Map.of("salesChannelIds", List.of(HEADLESS), "rootCategoryId", OWN_ROOT)).then().statusCode(200)
                .body("salesChannelIds", equalTo(List.of(HEADLESS))).body("rootCategoryId", equalTo(OWN_ROOT));
        CatalogApi.syncConfig(tenant);

        JsonPath job = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", job.getString("status"), job.prettify());
        List<Map<String, Object>> products = SHOPWARE.products();
        assertTrue(products.stream().filter(p -> p.get("parentId") == null).allMatch(p -> channels(p).equals(List.of(HEADLESS))),
                "every product is visible in the named channel only");
        assertEquals(0, SHOPWARE.storefront(STOREFRONT).getLong("listed"));
        assertEquals(products.stream().filter(p -> p.get("parentId") == null && Boolean.TRUE.equals(p.get("active"))).count(),
                SHOPWARE.storefront(HEADLESS).getLong("listed"));
        UUID id = UUID.fromString(tenant);
        for (Map<String, Object> top : PLENTY.all("/categories", Map.of("with", "details"))) {
            if (top.get("parentCategoryId") == null) {
                assertEquals(OWN_ROOT, category(ShopwareIds.of(id, "category", ((Number) top.get("id")).longValue())).get("parentId"));
            }
        }
    }

    @Test
    void aSettingTheShopDoesNotHaveStopsTheRunInWords() {
        String tenant = CatalogApi.tenant("Shop West", PlentySandbox.MAIN, SHOPWARE, "api");
        CatalogApi.changeTenant(tenant, Map.of("salesChannelIds", List.of("0000000000000000000000000000beef"))).then().statusCode(200);
        CatalogApi.syncConfig(tenant);
        JsonPath noChannel = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("dead", noChannel.getString("status"), noChannel.prettify());
        run(noChannel).body("errorMessage", containsString("no sales channel 0000000000000000000000000000beef"));

        Map<String, Object> unknownRoot = new HashMap<>();
        unknownRoot.put("salesChannelIds", null);
        unknownRoot.put("rootCategoryId", "0000000000000000000000000000cafe");
        CatalogApi.changeTenant(tenant, unknownRoot).then().statusCode(200);
        JsonPath noRoot = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("dead", noRoot.getString("status"), noRoot.prettify());
        run(noRoot).body("errorMessage", containsString("no category 0000000000000000000000000000cafe"));
        assertEquals(0, SHOPWARE.products().size());
    }

    @Test
    void siblingsKeepPlentysOrderAndAMovedCategoryMoves() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        assertEquals("succeeded", CatalogApi.sync(tenant, "FULL_PRODUCT").getString("status"));
        UUID id = UUID.fromString(tenant);
        assertEquals(plentyOrder(id), shopwareOrder());

        // A leaf under another branch, first among its new siblings.
        List<Map<String, Object>> plenty = PLENTY.all("/categories", Map.of("with", "details"));
        Map<String, Object> leaf = plenty.stream().filter(c -> ((Number) c.get("level")).intValue() == 3).findFirst().orElseThrow();
        Map<String, Object> otherMiddle = plenty.stream().filter(c -> ((Number) c.get("level")).intValue() == 2
                && !c.get("id").equals(leaf.get("parentCategoryId"))).findFirst().orElseThrow();
        long leafId = ((Number) leaf.get("id")).longValue();
        PLENTY.moveCategory(leafId, ((Number) otherMiddle.get("id")).longValue(), 0);
        CatalogApi.syncConfig(tenant);
        assertEquals("succeeded", CatalogApi.sync(tenant, "FULL_PRODUCT").getString("status"));

        assertEquals(ShopwareIds.of(id, "category", ((Number) otherMiddle.get("id")).longValue()),
                category(ShopwareIds.of(id, "category", leafId)).get("parentId"));
        assertEquals(plentyOrder(id), shopwareOrder(), "both the old and the new siblings are in Plenty's order");
        for (Map<String, Object> category : SHOPWARE.entities("category")) {
            Object after = category.get("afterCategoryId");
            if (after != null) {
                assertEquals(category.get("parentId"), category((String) after).get("parentId"), "no sibling link across parents");
            }
        }
    }

    /** Plenty's children of each parent, by position, as Shopware ids (top categories under the storefront's root). */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> plentyOrder(UUID tenant) {
        Map<String, List<Map<String, Object>>> byParent = new HashMap<>();
        for (Map<String, Object> c : PLENTY.all("/categories", Map.of("with", "details"))) {
            String parent = c.get("parentCategoryId") == null ? HOME
                    : ShopwareIds.of(tenant, "category", ((Number) c.get("parentCategoryId")).longValue());
            byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(c);
        }
        Map<String, List<String>> order = new HashMap<>();
        byParent.forEach((parent, children) -> order.put(parent, children.stream()
                .sorted(Comparator.comparingInt((Map<String, Object> c) -> ((Number) ((List<Map<String, Object>>) c.get("details")).get(0)
                        .get("position")).intValue()).thenComparingLong(c -> ((Number) c.get("id")).longValue()))
                .map(c -> ShopwareIds.of(tenant, "category", ((Number) c.get("id")).longValue())).toList()));
        return order;
    }

    /** Shopware's children of each parent, following afterCategoryId from the one that has none. */
    private static Map<String, List<String>> shopwareOrder() {
        Map<String, List<Map<String, Object>>> byParent = new LinkedHashMap<>();
        SHOPWARE.entities("category").stream().filter(c -> c.get("parentId") != null)
                .forEach(c -> byParent.computeIfAbsent((String) c.get("parentId"), p -> new ArrayList<>()).add(c));
        Map<String, List<String>> order = new HashMap<>();
        byParent.forEach((parent, children) -> {
            List<String> chain = new ArrayList<>();
            String previous = null;
            for (int i = 0; i < children.size(); i++) {
                String after = previous;
                children.stream().filter(c -> Objects.equals(c.get("afterCategoryId"), after)).findFirst()
                        .ifPresent(c -> chain.add((String) c.get("id")));
                previous = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            }
            order.put(parent, chain);
        });
        return order;
    }

    private static Map<String, Object> category(String id) {
        return SHOPWARE.entities("category").stream().filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> channels(Map<String, Object> product) {
        return ((List<Map<String, Object>>) product.get("visibilities")).stream().map(v -> v.get("salesChannelId")).toList();
    }

    private static io.restassured.response.ValidatableResponse run(JsonPath job) {
        return given().auth().oauth2(TestTokens.viewer()).get("/api/runs/" + job.getLong("runId")).then().statusCode(200);
    }
}
