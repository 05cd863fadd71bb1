package dev.syncline.migration.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as either store has it. {@code financialStatus} and {@code fulfillmentStatus} in the
 * seed's lower-case words (paid, pending, refunded; fulfilled, unfulfilled).
 */
public record StoreOrder(String id, String number, String email, BigDecimal totalPrice, String currency, Instant createdAt,
                         String financialStatus, String fulfillmentStatus, String customerId, String firstName,
                         String lastName, String phone, List<Line> lines) {

    public record Line(String sku, String title, int quantity, BigDecimal unitPrice) {
    }
}
