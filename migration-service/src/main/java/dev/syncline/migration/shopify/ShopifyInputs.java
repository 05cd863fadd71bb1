package dev.syncline.migration.shopify;

import dev.syncline.migration.store.StoreCustomer;
import dev.syncline.migration.store.StoreOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The variables of the create mutations, as Admin API 2025-07 types them (ShopifyAdminSchemaTest
 * holds them against Shopify's published schema). Nothing Shopify's enums would refuse is sent: a
 * country that is not one of its CountryCode values (WooCommerce sends "" when there is none) and
 * blank address fields are left out.
 */
final class ShopifyInputs {

    static final String SOURCE_TAG = "syncline-source:";

    private ShopifyInputs() {
    }

    /** CustomerInput: without addresses, which 2025-07 deprecates for customerAddressCreate. */
    static Map<String, Object> customer(StoreCustomer c, String sourceReference) {
        Map<String, Object> input = new LinkedHashMap<>();
        putIfPresent(input, "email", c.email() == null ? null : c.email().trim().toLowerCase(Locale.ROOT));
        putIfPresent(input, "phone", e164(c.phone()));
        putIfPresent(input, "firstName", blankToNull(c.firstName()));
        putIfPresent(input, "lastName", blankToNull(c.lastName()));
        input.put("tags", List.of(SOURCE_TAG + sourceReference));
        return input;
    }

    /** MailingAddressInput for customerAddressCreate, or empty when the customer has no street address. */
    static Optional<Map<String, Object>> address(StoreCustomer c) {
        if (blankToNull(c.address1()) == null) {
            return Optional.empty();
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("address1", c.address1().trim());
        putIfPresent(address, "city", blankToNull(c.city()));
        putIfPresent(address, "zip", blankToNull(c.zip()));
        putIfPresent(address, "countryCode", countryCode(c.country()));
        putIfPresent(address, "firstName", blankToNull(c.firstName()));
        putIfPresent(address, "lastName", blankToNull(c.lastName()));
        return Optional.of(address);
    }

    /** The variables of customerAddressCreate. */
    static Map<String, Object> addressCreate(String customerId, Map<String, Object> address) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("customerId", customerId);
        variables.put("address", address);
        variables.put("setAsDefault", true);
        return variables;
    }

    /** The country as one of Shopify's CountryCode values, or null (left out) when it is none of them. */
    static String countryCode(String country) {
        if (country == null) {
            return null;
        }
        String code = country.trim().toUpperCase(Locale.ROOT);
        return ShopifyCountries.CODES.contains(code) ? code : null;
    }

    /** orderCreate's {@code order} and {@code options}; custom line items (no variant) named in {@code warnings}. */
    static Map<String, Object> order(StoreOrder o, String customerId, String sourceReference,
                                     List<Map.Entry<StoreOrder.Line, Optional<String>>> lines, List<String> warnings) {
        List<Map<String, Object>> items = lineItems(lines, warnings, (line, item) -> {
            putIfPresent(item, "sku", line.sku());
            item.put("priceSet", Map.of("shopMoney", money(line.unitPrice(), o.currency())));
        });
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("name", o.number() == null ? null : (o.number().startsWith("#") ? o.number() : "#" + o.number()));
        putIfPresent(order, "email", blankToNull(o.email()));
        order.put("currency", o.currency());
        order.put("processedAt", o.createdAt().toString());
        order.put("financialStatus", financialStatus(o.financialStatus()));
        order.put("fulfillmentStatus", "fulfilled".equals(o.fulfillmentStatus()) ? "FULFILLED" : null);
        order.put("lineItems", items);
        if ("paid".equals(o.financialStatus())) {
            order.put("transactions", List.of(Map.of("kind", "SALE", "status", "SUCCESS", "gateway", "migration",
                    "amountSet", Map.of("shopMoney", money(o.totalPrice(), o.currency())), "processedAt", o.createdAt().toString())));
        }
        if (customerId != null) {
            order.put("customer", Map.of("toAssociate", Map.of("id", customerId)));
        }
        order.put("tags", List.of(SOURCE_TAG + sourceReference));
        order.put("note", "Migrated from " + sourceReference);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("order", order);
        variables.put("options", Map.of("sendReceipt", false, "sendFulfillmentReceipt", false, "inventoryBehaviour", "BYPASS"));
        return variables;
    }

    /** The seed's words as OrderCreateFinancialStatus values; anything else is sent as it is, for Shopify to refuse by name. */
    private static String financialStatus(String status) {
        return status == null ? "PENDING" : status.toUpperCase(Locale.ROOT);
    }

    /** draftOrderCreate's {@code input}: custom lines priced with their currency, the customer as the purchasing entity. */
    static Map<String, Object> draft(StoreOrder o, String customerId, String sourceReference,
                                     List<Map.Entry<StoreOrder.Line, Optional<String>>> lines, List<String> warnings) {
        List<Map<String, Object>> items = lineItems(lines, warnings,
                (line, item) -> item.put("originalUnitPriceWithCurrency", money(line.unitPrice(), o.currency())));
        Map<String, Object> input = new LinkedHashMap<>();
        putIfPresent(input, "email", blankToNull(o.email()));
        if (customerId != null) {
            input.put("purchasingEntity", Map.of("customerId", customerId));
        }
        input.put("note", "Migrated from " + sourceReference);
        input.put("tags", List.of(SOURCE_TAG + sourceReference));
        input.put("lineItems", items);
        return Map.of("input", input);
    }

    /** Line items: a variant where the SKU has one, else a custom item ({@code custom} adds its price) and a warning. */
    private static List<Map<String, Object>> lineItems(List<Map.Entry<StoreOrder.Line, Optional<String>>> lines, List<String> warnings,
                                                       BiConsumer<StoreOrder.Line, Map<String, Object>> custom) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (var entry : lines) {
            StoreOrder.Line line = entry.getKey();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("quantity", line.quantity());
            if (entry.getValue().isPresent()) {
                item.put("variantId", entry.getValue().get());
            } else {
                item.put("title", line.title());
                custom.accept(line, item);
                warnings.add("SKU " + (line.sku() == null ? "(none)" : line.sku()) + " has no variant in Shopify; added as a custom line item");
            }
            items.add(item);
        }
        return items;
    }

    private static Map<String, Object> money(BigDecimal amount, String currency) {
        return Map.of("amount", amount.toPlainString(), "currencyCode", currency == null ? "EUR" : currency);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Shopify wants phones in E.164; a German national number gets +49, anything unreadable is left out. */
    static String e164(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+")) {
            return digits.matches("\\+[1-9]\\d{6,14}") ? digits : null;
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith("0") && digits.length() > 6) {
            return "+49" + digits.substring(1);
        }
        return null;
    }
}
