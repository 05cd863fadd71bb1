package dev.syncline.catalog.product;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentyTruth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PRODUCT_DELTA: exactly the variations changed since the last window (and within the overlap),
 * the window moved with the last batch, rejected variations kept pending and read again until they pass.
 */
@QuarkusTest
class DeltaSyncTest extends CatalogTestBase {

    @Test
    void aDeltaWritesExactlyTheChangedVariations() {
        String tenant = fullySynced();
        List<Map<String, Object>> before = SHOPWARE.products();
        PLENTY.advanceClock(30);
        List<Long> changed = PLENTY.change(7);

        JsonPath delta = CatalogApi.sync(tenant, "PRODUCT_DELTA");

        assertEquals("succeeded", delta.getString("status"), delta.prettify());
        assertEquals(7, delta.getLong("counts.read"));
        assertEquals(7, delta.getLong("counts.written"));
        PlentyTruth truth = new PlentyTruth(PLENTY);
        Map<String, Map<String, Object>> after = PlentyTruth.byNumber(SHOPWARE.products());
        List<String> differences = new ArrayList<>();
        truth.variations.forEach(v -> differences.addAll(truth.differences(v, after)));
        assertEquals(List.of(), differences, "Shopware agrees with Plenty after the delta");
        Set<String> changedNumbers = new HashSet<>();
        truth.variations.stream().filter(v -> changed.contains(PlentyTruth.id(v.get("id")))).forEach(v -> {
            changedNumbers.add((String) v.get("number"));
            if (PlentyTruth.isVariant(v) && Boolean.TRUE.equals(v.get("isMain"))) {
                changedNumbers.add("P-" + v.get("itemId"));
            }
        });
        Set<String> touched = new HashSet<>();
        Map<String, Map<String, Object>> old = PlentyTruth.byNumber(before);
        after.forEach((number, product) -> {
            if (!product.equals(old.get(number))) {
                touched.add(number);
            }
        });
        assertEquals(changedNumbers, touched, "only the changed variations' products differ (and the parents of changed main variations)");
    }

    @Test
    void theWindowMovesWithTheRunAndOverlapsTheLastOne() {
        String tenant = fullySynced();
        OffsetDateTime fullEnd = OffsetDateTime.parse(CatalogApi.syncState(tenant).getString("lastWindowEnd"));
        PLENTY.advanceClock(30);
        PLENTY.change(5);

        assertEquals(5, CatalogApi.sync(tenant, "PRODUCT_DELTA").getLong("counts.read"));
        OffsetDateTime deltaEnd = OffsetDateTime.parse(CatalogApi.syncState(tenant).getString("lastWindowEnd"));
        assertTrue(deltaEnd.isAfter(fullEnd.plusMinutes(29)), fullEnd + " then " + deltaEnd);

        PLENTY.advanceClock(30);
        assertEquals(5, CatalogApi.sync(tenant, "PRODUCT_DELTA").getLong("counts.read"),
                "changes in the 10 minutes before the last window's end are read again");
        PLENTY.advanceClock(30);
        JsonPath quiet = CatalogApi.sync(tenant, "PRODUCT_DELTA");
        assertEquals("succeeded", quiet.getString("status"));
        assertEquals(0, quiet.getLong("counts.read"), "nothing changed since");
        assertTrue(OffsetDateTime.parse(CatalogApi.syncState(tenant).getString("lastWindowEnd")).isAfter(deltaEnd.plusMinutes(59)),
                "an empty window moves too");
    }

    @Test
    void badVariationsAreRejectedTheWindowMovesAndTheyAreReadUntilTheyPass() {
        String tenant = fullySynced();
        OffsetDateTime fullEnd = OffsetDateTime.parse(CatalogApi.syncState(tenant).getString("lastWindowEnd"));
        PLENTY.advanceClock(30);
        List<Long> noPrice = PLENTY.breakVariations(3, "missing-price");
        List<Long> unknownCategory = PLENTY.breakVariations(2, "unknown-category");
        List<Long> changed = new ArrayList<>(PLENTY.change(4));
        changed.removeAll(noPrice);
        changed.removeAll(unknownCategory);

        JsonPath delta = CatalogApi.sync(tenant, "PRODUCT_DELTA");

        Set<Long> broken = new HashSet<>(noPrice);
        broken.addAll(unknownCategory);
        assertEquals("partial", delta.getString("status"), delta.prettify());
        assertEquals(broken.size(), delta.getLong("counts.rejected"));
        assertEquals(broken.size() + changed.size(), delta.getLong("counts.read"));
        List<Map<String, Object>> rejected = CatalogApi.rejected(delta.getLong("runId"));
        Map<Long, String> reasons = rejected.stream().collect(Collectors.toMap(r -> Long.parseLong((String) r.get("upstreamId")),
                r -> (String) r.get("reason")));
        assertEquals(broken, reasons.keySet());
        noPrice.forEach(id -> assertTrue(reasons.get(id).contains("has no selling price (a Plenty price list of type default) in the shop's default currency EUR"), reasons.get(id)));
        unknownCategory.stream().filter(id -> !noPrice.contains(id)).forEach(id ->
                assertTrue(reasons.get(id).contains("is in category 999999, which the config cache does not know"), reasons.get(id)));
        JsonPath state = CatalogApi.syncState(tenant);
        assertTrue(OffsetDateTime.parse(state.getString("lastWindowEnd")).isAfter(fullEnd.plusMinutes(29)), "the window moved");
        assertEquals(broken, Set.copyOf(state.getList("pendingVariations.variationId", Long.class)));

        PLENTY.advanceClock(30);
        assertEquals("partial", CatalogApi.sync(tenant, "PRODUCT_DELTA").getString("status"), "still in the overlap, and pending");
        PLENTY.advanceClock(30);
        JsonPath stillBroken = CatalogApi.sync(tenant, "PRODUCT_DELTA");
        assertEquals("partial", stillBroken.getString("status"));
        assertEquals(broken.size(), stillBroken.getLong("counts.read"), "pending variations are read although their window has passed");
        assertEquals(broken.size(), stillBroken.getLong("counts.rejected"));

        PLENTY.repair(List.copyOf(broken));
        PLENTY.advanceClock(30);
        JsonPath repaired = CatalogApi.sync(tenant, "PRODUCT_DELTA");
        assertEquals("succeeded", repaired.getString("status"), repaired.prettify());
        assertEquals(broken.size(), repaired.getLong("counts.written"));
        assertEquals(0, CatalogApi.syncState(tenant).getInt("pendingCount"));
        PlentyTruth truth = new PlentyTruth(PLENTY);
        Map<String, Map<String, Object>> shop = PlentyTruth.byNumber(SHOPWARE.products());
        truth.variations.stream().filter(v -> broken.contains(PlentyTruth.id(v.get("id"))))
                .forEach(v -> assertEquals(List.of(), truth.differences(v, shop)));
    }

    @Test
    void aRecordShopwareRefusesIsRejectedWithShopwaresReasonAndTheRestIsWritten() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        PlentyTruth truth = new PlentyTruth(PLENTY);
        Map<String, Object> victim = truth.variations.get(3);
        String number = (String) victim.get("number");
        SHOPWARE.upsert(List.of(Map.of("id", "0123456789abcdef0123456789abcdef", "productNumber", number, "name", "Fremdartikel",
                "stock", 1, "taxId", SHOPWARE.entities("tax").get(0).get("id"), "price", List.of(Map.of("currencyId", "b7d2554b0ce847cd82f3ac9bd1c0dfca",
                        "gross", 10, "net", 8.4, "linked", true)))));

        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");

        assertEquals("partial", full.getString("status"), full.prettify());
        assertEquals(1, full.getLong("counts.rejected"));
        assertEquals(truth.variations.size() - 1, full.getLong("counts.written"));
        Map<String, Object> rejection = CatalogApi.rejected(full.getLong("runId")).get(0);
        assertEquals(victim.get("id").toString(), rejection.get("upstreamId"));
        assertTrue(((String) rejection.get("reason")).contains("product number " + number + " belongs to another product of the shop"),
                (String) rejection.get("reason"));
        Map<String, Map<String, Object>> shop = PlentyTruth.byNumber(SHOPWARE.products());
        assertEquals("Fremdartikel", shop.get(number).get("name"), "the other tool's product stays as it was");
        assertEquals(truth.expectedProducts(), shop.size(), "everything else was written (one number is the other tool's)");
        truth.variations.stream().filter(v -> v != victim).forEach(v -> assertEquals(List.of(), truth.differences(v, shop)));
    }

    private static String fullySynced() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");
        assertEquals("succeeded", full.getString("status"), full.prettify());
        return tenant;
    }
}
