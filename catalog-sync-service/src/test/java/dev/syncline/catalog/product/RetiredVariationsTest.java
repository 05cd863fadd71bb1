package dev.syncline.catalog.product;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentyTruth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Variations Plenty deactivates are deactivated in the shop by the next delta; variations Plenty
 * deletes (it lists no deletions) are deactivated by the next full sync, with the parent of an
 * item left without variations.
 */
@QuarkusTest
class RetiredVariationsTest extends CatalogTestBase {

    @Test
    void aVariationDeactivatedInPlentyIsDeactivatedByTheNextDelta() {
        String tenant = fullySynced();
        Map<String, Object> single = activeSingle(new PlentyTruth(PLENTY));
        PLENTY.advanceClock(30);
        PLENTY.deactivate(List.of(PlentyTruth.id(single.get("id"))));

        JsonPath delta = CatalogApi.sync(tenant, "PRODUCT_DELTA");

        assertEquals("succeeded", delta.getString("status"), delta.prettify());
        assertEquals(false, PlentyTruth.byNumber(SHOPWARE.products()).get((String) single.get("number")).get("active"));
    }

    @Test
    void aFullSyncDeactivatesWhatPlentyNoLongerHas() {
        String tenant = fullySynced();
        PlentyTruth truth = new PlentyTruth(PLENTY);
        Map<String, Object> single = activeSingle(truth);
        Object itemId = truth.variations.stream().filter(PlentyTruth::isVariant).findFirst().orElseThrow().get("itemId");
        List<Map<String, Object>> itemVariations = truth.variations.stream().filter(v -> itemId.equals(v.get("itemId"))).toList();
        List<Long> deleted = new ArrayList<>(List.of(PlentyTruth.id(single.get("id"))));
        Set<String> expected = new HashSet<>(Set.of((String) single.get("number"), "P-" + itemId));
        itemVariations.forEach(v -> {
            deleted.add(PlentyTruth.id(v.get("id")));
            expected.add((String) v.get("number"));
        });
        Map<String, Map<String, Object>> before = PlentyTruth.byNumber(SHOPWARE.products());
        long listedBefore = SHOPWARE.storefront().getLong("listed");
        PLENTY.delete(deleted);

        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", full.getString("status"), full.prettify());
        Map<String, Map<String, Object>> after = PlentyTruth.byNumber(SHOPWARE.products());
        Set<String> deactivated = new HashSet<>();
        after.forEach((number, product) -> {
            if (Boolean.FALSE.equals(product.get("active")) && !Objects.equals(before.get(number).get("active"), false)) {
                deactivated.add(number);
            }
        });
        Set<String> wasActive = new HashSet<>(expected);
        wasActive.removeIf(number -> Boolean.FALSE.equals(before.get(number).get("active")));
        assertEquals(wasActive, deactivated, "exactly the deleted variations' products and their item's parent");
        assertEquals(expected.size(), full.getLong("counts.deactivated"));
        assertEquals(listedBefore - 2, SHOPWARE.storefront().getLong("listed"), "the single product and the parent are gone");

        JsonPath again = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", again.getString("status"), again.prettify());
        assertEquals(0L, again.getLong("counts.deactivated"),
                "what is gone is deactivated once");
    }

    @Test
    void aTenantThatDeletesHasTheProductsOfDeletedVariationsRemovedWithTheirVariants() {
        String tenant = fullySynced();
        CatalogApi.changeTenant(tenant, Map.of("retiredProducts", "remove")).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("retiredProducts"));
        CatalogApi.changeTenant(tenant, Map.of("retiredProducts", "delete")).then().statusCode(200)
                .body("retiredProducts", org.hamcrest.Matchers.equalTo("delete"));
        PlentyTruth truth = new PlentyTruth(PLENTY);
        Map<String, Object> single = activeSingle(truth);
        Object itemId = truth.variations.stream().filter(PlentyTruth::isVariant).findFirst().orElseThrow().get("itemId");
        List<Long> deleted = new ArrayList<>(List.of(PlentyTruth.id(single.get("id"))));
        Set<String> gone = new HashSet<>(Set.of((String) single.get("number"), "P-" + itemId));
        truth.variations.stream().filter(v -> itemId.equals(v.get("itemId"))).forEach(v -> {
            deleted.add(PlentyTruth.id(v.get("id")));
            gone.add((String) v.get("number"));
        });
        int productsBefore = SHOPWARE.products().size();
        long listedBefore = SHOPWARE.storefront().getLong("listed");
        PLENTY.delete(deleted);

        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", full.getString("status"), full.prettify());
        Set<String> numbers = PlentyTruth.byNumber(SHOPWARE.products()).keySet();
        assertEquals(Set.of(), gone.stream().filter(numbers::contains).collect(java.util.stream.Collectors.toSet()),
                "no product of a deleted variation is left");
        assertEquals(productsBefore - gone.size(), SHOPWARE.products().size(), "nothing else was deleted");
        assertEquals(gone.size(), full.getLong("counts.deleted"));
        assertEquals(listedBefore - 2, SHOPWARE.storefront().getLong("listed"));
        Set<Object> productIds = SHOPWARE.products().stream().map(p -> p.get("id")).collect(java.util.stream.Collectors.toSet());
        assertEquals(List.of(), SHOPWARE.entities("product_visibility").stream()
                .filter(v -> !productIds.contains(v.get("productId"))).toList(),
                "the deleted products' visibilities went with them");

        JsonPath again = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", again.getString("status"), again.prettify());
        Object deletedAgain = again.get("counts.deleted");
        assertEquals(0L, deletedAgain == null ? 0L : ((Number) deletedAgain).longValue(), "what is gone is deleted once");
    }

    private static Map<String, Object> activeSingle(PlentyTruth truth) {
        return truth.variations.stream().filter(v -> !PlentyTruth.isVariant(v) && Boolean.TRUE.equals(v.get("isActive")))
                .findFirst().orElseThrow();
    }

    private static String fullySynced() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", full.getString("status"), full.prettify());
        return tenant;
    }
}
