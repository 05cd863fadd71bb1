package dev.syncline.magento.consumer;

import dev.syncline.magento.order.MagentoOrder;
import dev.syncline.magento.order.MagentoOrder.BillingAddress;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerMapperTest {

    private final ConsumerMapper mapper = new ConsumerMapper(Map.of("1", "nl"));

    @Test
    void mapsAnOrderToANormalisedConsumer() {
        var page = mapper.map(List.of(order(10, "  Jan.DeVries@Example.NL ", "2025-03-30 01:30:00", "Jan", "de Vries", 1)));

        NewConsumer consumer = page.consumers().get(0);
        assertEquals("jan.devries@example.nl", consumer.email());
        assertEquals("Jan.DeVries@Example.NL", consumer.emailOriginal());
        assertEquals(OffsetDateTime.parse("2025-03-30T01:30:00Z"), consumer.purchaseDate(), "Magento times are UTC");
        assertEquals("nl", consumer.storeCode());
        assertEquals("06-12345678", consumer.phone());
        assertEquals("Utrecht", consumer.city());
        assertEquals("NL", consumer.country());
        assertEquals(new BigDecimal("49.95"), consumer.grandTotal());
        assertEquals(10, consumer.magentoEntityId());
        assertTrue(page.rejections().isEmpty());
    }

    @Test
    void guestOrdersTakeTheirNamesFromTheBillingAddress() {
        NewConsumer consumer = mapper.map(List.of(order(11, "gast@example.nl", "2025-01-01 10:00:00", null, null, 2)))
                .consumers().get(0);

        assertEquals("Billing", consumer.firstName());
        assertEquals("Name", consumer.lastName());
        assertEquals("2", consumer.storeCode(), "an unmapped store keeps its Magento id");
    }

    @Test
    void ordersWithoutAUsableEmailOrDateAreRejectedWithTheReason() {
        var page = mapper.map(List.of(
                order(1, null, "2025-01-01 10:00:00", "A", "B", 1),
                order(2, "   ", "2025-01-01 10:00:00", "A", "B", 1),
                order(3, "jan@", "2025-01-01 10:00:00", "A", "B", 1),
                order(4, "piet@@example.nl", "2025-01-01 10:00:00", "A", "B", 1),
                order(5, "ok@example.nl", "01/01/2025", "A", "B", 1)));

        assertTrue(page.consumers().isEmpty());
        assertEquals(List.of("1", "2", "3", "4", "5"), page.rejections().stream().map(r -> r.upstreamId()).toList());
        assertEquals("order has no email", page.rejections().get(1).reason());
        assertEquals("order email 'jan@' is not a valid address", page.rejections().get(2).reason());
        assertTrue(page.rejections().get(4).reason().contains("created_at"));
    }

    @Test
    void theBillingEmailStandsInForAMissingCustomerEmail() {
        MagentoOrder order = new MagentoOrder(12, "000000012", 1, "2025-01-01 10:00:00", null, null, null, null, "EUR",
                new BillingAddress("F", "L", "Billing@Example.com", null, null, null, null));

        NewConsumer consumer = mapper.map(List.of(order)).consumers().get(0);

        assertEquals("billing@example.com", consumer.email());
        assertNull(consumer.phone());
    }

    private static MagentoOrder order(long id, String email, String createdAt, String first, String last, int store) {
        return new MagentoOrder(id, String.format("%09d", id), store, createdAt, email, first, last,
                new BigDecimal("49.95"), "EUR",
                new BillingAddress("Billing", "Name", email, "06-12345678", "Utrecht", "3511 LM", "NL"));
    }
}
