package dev.syncline.catalog.product;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentyTruth;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shop whose default currency (Shopware's Defaults::CURRENCY id) is not the euro: every product
 * gets a price in it, Plenty's own where it has one, else converted from the euro price with the
 * euro's factor, and its euro price under the euro's own id.
 */
@QuarkusTest
class CurrencyTest extends CatalogTestBase {

    private static final String DEFAULT_CURRENCY = "b7d2554b0ce847cd82f3ac9bd1c0dfca";

    @Test
    @SuppressWarnings("unchecked")
    void theDefaultCurrencysPriceIsPlentysOwnOrConvertedWithTheFactor() {
        SHOPWARE.reset(Map.of("defaultCurrencyIso", "CHF"));
        Map<String, Object> euro = SHOPWARE.entities("currency").stream().filter(c -> "EUR".equals(c.get("isoCode"))).findFirst().orElseThrow();
        BigDecimal factor = new BigDecimal(euro.get("factor").toString());
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);

        assertEquals("succeeded", CatalogApi.sync(tenant, "FULL_PRODUCT").getString("status"));

        PlentyTruth truth = new PlentyTruth(PLENTY);
        Map<String, Map<String, Object>> byNumber = PlentyTruth.byNumber(SHOPWARE.products());
        int own = 0;
        int converted = 0;
        for (Map<String, Object> variation : truth.variations) {
            Map<Long, BigDecimal> plenty = new java.util.HashMap<>();
            ((List<Map<String, Object>>) variation.get("variationSalesPrices")).forEach(p ->
                    plenty.put(PlentyTruth.id(p.get("salesPriceId")), new BigDecimal(p.get("price").toString())));
            Map<String, Object> product = byNumber.get((String) variation.get("number"));
            assertNotNull(product, "variation " + variation.get("number") + " is in the shop");
            Map<String, BigDecimal> gross = new java.util.HashMap<>();
            ((List<Map<String, Object>>) product.get("price")).forEach(p ->
                    gross.put((String) p.get("currencyId"), new BigDecimal(p.get("gross").toString())));
            // The sandbox's lists: 1 selling in EUR, 2 selling in CHF.
            BigDecimal expected;
            if (plenty.containsKey(2L)) {
                expected = plenty.get(2L);
                own++;
            } else {
                expected = plenty.get(1L).divide(factor, 2, RoundingMode.HALF_UP);
                converted++;
            }
            assertEquals(0, expected.compareTo(gross.get(DEFAULT_CURRENCY)), variation.get("number") + " in CHF: " + gross);
            assertEquals(0, plenty.get(1L).compareTo(gross.get((String) euro.get("id"))), variation.get("number") + " in EUR: " + gross);
        }
        assertTrue(own > 0 && converted > 0, own + " with Plenty's CHF price, " + converted + " converted");
    }
}
