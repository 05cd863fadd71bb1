package dev.syncline.magento.consumer;

import dev.syncline.commons.rejected.Rejection;
import dev.syncline.magento.order.MagentoOrder;
import dev.syncline.magento.order.MagentoOrder.BillingAddress;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Magento orders into consumers. Magento's created_at is UTC without an offset; guest orders
 * carry the names only on the billing address. An order without a usable email or date is rejected.
 */
public final class ConsumerMapper {

    static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<String, String> storeCodes;

    /** @param storeCodes Magento store id to our store code; an unmapped store keeps its id */
    public ConsumerMapper(Map<String, String> storeCodes) {
        this.storeCodes = storeCodes;
    }

    public MappedPage map(List<MagentoOrder> orders) {
        List<NewConsumer> consumers = new ArrayList<>(orders.size());
        List<Rejection> rejections = new ArrayList<>();
        for (MagentoOrder order : orders) {
            String rejection = problemWith(order);
            if (rejection != null) {
                rejections.add(new Rejection(Long.toString(order.entityId()), rejection));
            } else {
                consumers.add(toConsumer(order));
            }
        }
        return new MappedPage(consumers, rejections);
    }

    public record MappedPage(List<NewConsumer> consumers, List<Rejection> rejections) {
    }

    private static String problemWith(MagentoOrder order) {
        String raw = rawEmail(order);
        if (raw == null || raw.isBlank()) {
            return "order has no email";
        }
        if (EmailAddress.normalise(raw).isEmpty()) {
            return "order email '" + raw.trim() + "' is not a valid address";
        }
        if (purchaseDate(order.createdAt()).isEmpty()) {
            return "order created_at '" + order.createdAt() + "' is not a Magento timestamp";
        }
        return null;
    }

    private NewConsumer toConsumer(MagentoOrder order) {
        BillingAddress billing = order.billingAddress() == null
                ? new BillingAddress(null, null, null, null, null, null, null)
                : order.billingAddress();
        String raw = rawEmail(order);
        return new NewConsumer(
                EmailAddress.normalise(raw).orElseThrow(),
                raw.trim(),
                purchaseDate(order.createdAt()).orElseThrow(),
                firstNonBlank(order.customerFirstname(), billing.firstname()),
                firstNonBlank(order.customerLastname(), billing.lastname()),
                blankToNull(billing.telephone()),
                blankToNull(billing.city()),
                blankToNull(billing.countryId()),
                blankToNull(billing.postcode()),
                storeCode(order.storeId()),
                order.entityId(),
                order.incrementId(),
                order.grandTotal(),
                blankToNull(order.orderCurrencyCode()));
    }

    private String storeCode(Integer storeId) {
        if (storeId == null) {
            return null;
        }
        String key = storeId.toString();
        return storeCodes.getOrDefault(key, key);
    }

    private static String rawEmail(MagentoOrder order) {
        if (order.customerEmail() != null && !order.customerEmail().isBlank()) {
            return order.customerEmail();
        }
        return order.billingAddress() == null ? order.customerEmail() : order.billingAddress().email();
    }

    static Optional<OffsetDateTime> purchaseDate(String createdAt) {
        if (createdAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(createdAt.trim(), MAGENTO_TIME).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String firstNonBlank(String first, String second) {
        String value = blankToNull(first);
        return value != null ? value : blankToNull(second);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
