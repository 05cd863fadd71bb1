package dev.syncline.sandbox.magento;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated shop has what real shops have, the same way every time. */
class OrderCatalogTest {

    private final OrderCatalog catalog = OrderCatalog.seeded(7, 20_000);

    @Test
    void theSameSeedMakesTheSameOrders() {
        OrderCatalog again = OrderCatalog.seeded(7, 20_000);
        for (int i = 0; i < catalog.size(); i += 997) {
            assertEquals(catalog.order(i), again.order(i));
        }
        assertNotEquals(catalog.order(5).email(), OrderCatalog.seeded(8, 20_000).order(5).email());
    }

    @Test
    void theDataHasRealShopsQuirks() {
        int gaps = 0;
        int guests = 0;
        int oddSpelling = 0;
        int invalid = 0;
        int sameSecondTwins = 0;
        Map<String, Integer> ordersPerEmail = new HashMap<>();
        for (int i = 0; i < catalog.size(); i++) {
            GeneratedOrder order = catalog.order(i);
            if (i > 0 && order.entityId() > catalog.entityIdAt(i - 1) + 1) {
                gaps++;
            }
            guests += order.guest() ? 1 : 0;
            String email = order.email();
            if (email == null || !email.trim().toLowerCase().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+")) {
                invalid++;
                continue;
            }
            oddSpelling += email.equals(email.trim().toLowerCase()) ? 0 : 1;
            ordersPerEmail.merge(email.trim().toLowerCase(), 1, Integer::sum);
            if (i > 0 && catalog.order(i - 1).email() != null
                    && email.trim().equalsIgnoreCase(catalog.order(i - 1).email().trim())
                    && order.createdAt().equals(catalog.order(i - 1).createdAt())) {
                sameSecondTwins++;
            }
        }
        assertTrue(gaps > 1000, "gaps in entity ids: " + gaps);
        assertTrue(guests > 3000, "guest orders: " + guests);
        assertTrue(oddSpelling > 3000, "mixed-case or padded emails: " + oddSpelling);
        assertTrue(invalid > 300 && invalid < 1000, "about 3 % without a usable email: " + invalid);
        assertTrue(sameSecondTwins > 100, "the same customer twice in one second: " + sameSecondTwins);
        assertTrue(ordersPerEmail.values().stream().anyMatch(n -> n >= 3), "customers who order again");

        OrderCatalog.Summary summary = catalog.summary();
        assertEquals(invalid, summary.invalidOrders());
        assertEquals(ordersPerEmail.values().stream().mapToInt(Integer::intValue).sum() - sameSecondTwins,
                summary.distinctConsumers(), "distinct (email, second) pairs");
    }

    @Test
    void guestOrdersHaveNamesOnlyOnTheBillingAddress() {
        for (int i = 0; i < 200; i++) {
            GeneratedOrder order = catalog.order(i);
            if (order.guest()) {
                assertEquals(null, order.field("customer_firstname"));
                assertTrue(order.firstName() != null, "billing name");
                return;
            }
        }
        throw new AssertionError("no guest order among the first 200");
    }
}
