package dev.syncline.sandbox.commerce;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Shopify's create mutations: invalid input and duplicates come back as {@code userErrors}, as Shopify answers them. */
final class ShopifyMutations {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ShopifyMutations() {
    }

    static Map<String, Object> payload(String key, Object record, List<Map<String, Object>> errors) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(key, errors.isEmpty() ? record : null);
        payload.put("userErrors", errors);
        return payload;
    }

    static Map<String, Object> error(String field, String message) {
        return Map.of("field", List.of(field), "message", message);
    }

    /** Marks the answer to be held back when the store is set to answer creates slowly (the record is created all the same). */
    static void maybeSlow(DataFetchingEnvironment env, ShopifyStore shop) {
        synchronized (shop) {
            if (shop.slowCreates > 0) {
                shop.slowCreates--;
                env.getGraphQlContext().put("slow", true);
            }
        }
        shop.creates.incrementAndGet();
    }

    record CustomerCreate(Supplier<ShopifyStore> store) implements DataFetcher<Object> {
        @Override
        @SuppressWarnings("unchecked")
        public Object get(DataFetchingEnvironment env) {
            ShopifyStore shop = store.get();
            Map<String, Object> input = env.getArgument("input");
            String email = (String) input.get("email");
            String phone = (String) input.get("phone");
            List<Map<String, Object>> errors = new ArrayList<>();
            if (email != null && !EMAIL.matcher(email).matches()) {
                errors.add(error("email", "Email is invalid"));
            }
            if (email != null && shop.customers.values().stream().anyMatch(c -> email.equalsIgnoreCase(String.valueOf(c.get("email"))))) {
                errors.add(error("email", "Email has already been taken"));
            }
            if (phone != null && !phone.matches("\\+[1-9]\\d{6,14}")) {
                errors.add(error("phone", "Phone is invalid"));
            } else if (phone != null && shop.customers.values().stream().anyMatch(c -> phone.equals(c.get("phone")))) {
                errors.add(error("phone", "Phone has already been taken"));
            }
            if (email == null && phone == null && input.get("firstName") == null && input.get("lastName") == null) {
                errors.add(error("customer", "A name, phone number, or email address must be present"));
            }
            if (!errors.isEmpty()) {
                return payload("customer", null, errors);
            }
            String id = shop.newId("Customer");
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", id);
            customer.put("email", email == null ? null : email.toLowerCase(Locale.ROOT));
            customer.put("firstName", input.get("firstName"));
            customer.put("lastName", input.get("lastName"));
            customer.put("phone", phone);
            customer.put("note", input.get("note"));
            customer.put("tags", input.get("tags") == null ? List.of() : input.get("tags"));
            customer.put("createdAt", ShopifyStore.now());
            customer.put("updatedAt", ShopifyStore.now());
            customer.put("numberOfOrders", 0);
            List<Map<String, Object>> addresses = (List<Map<String, Object>>) input.get("addresses");
            customer.put("defaultAddress", addresses == null || addresses.isEmpty() ? null : address(shop, addresses.get(0)));
            shop.customers.put(id, customer);
            maybeSlow(env, shop);
            return payload("customer", customer, errors);
        }
    }

    /** A MailingAddress as Shopify answers it: the input's fields, {@code countryCode} read back as {@code countryCodeV2}. */
    static Map<String, Object> address(ShopifyStore shop, Map<String, Object> input) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("id", shop.newId("MailingAddress") + "?model_name=CustomerAddress");
        for (String field : List.of("address1", "address2", "city", "zip", "provinceCode", "phone", "firstName", "lastName")) {
            address.put(field, input.get(field));
        }
        address.put("countryCodeV2", input.get("countryCode"));
        return address;
    }

    /**
     * {@code customerAddressCreate(customerId, address, setAsDefault)}, the 2025-07 way to give a customer
     * an address (CustomerInput.addresses is deprecated); the first address becomes the default one.
     */
    record CustomerAddressCreate(Supplier<ShopifyStore> store) implements DataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment env) {
            ShopifyStore shop = store.get();
            Map<String, Object> customer = shop.customers.get((String) env.getArgument("customerId"));
            if (customer == null) {
                return payload("address", null, List.of(error("customerId", "Customer does not exist")));
            }
            Map<String, Object> address = address(shop, env.getArgument("address"));
            if (Boolean.TRUE.equals(env.getArgument("setAsDefault")) || customer.get("defaultAddress") == null) {
                customer.put("defaultAddress", address);
            }
            return payload("address", address, List.of());
        }
    }

    record OrderCreate(Supplier<ShopifyStore> store) implements DataFetcher<Object> {
        @Override
        @SuppressWarnings("unchecked")
        public Object get(DataFetchingEnvironment env) {
            ShopifyStore shop = store.get();
            Map<String, Object> input = env.getArgument("order");
            List<Map<String, Object>> errors = new ArrayList<>();
            List<Map<String, Object>> lines = (List<Map<String, Object>>) input.get("lineItems");
            if (lines == null || lines.isEmpty()) {
                errors.add(error("lineItems", "Line items must have at least one line item"));
            }
            String id = shop.newId("Order");
            List<Map<String, Object>> created = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int n = 0; lines != null && n < lines.size(); n++) {
                Map<String, Object> line = lines.get(n);
                Map<String, Object> variant = line.get("variantId") == null ? null : shop.variants.get((String) line.get("variantId"));
                Object price = line.get("priceSet") == null ? null
                        : ((Map<String, Object>) ((Map<String, Object>) line.get("priceSet")).get("shopMoney")).get("amount");
                if (line.get("variantId") != null && variant == null) {
                    errors.add(error("lineItems." + n + ".variantId", "Variant does not exist"));
                    continue;
                }
                if (variant == null && (line.get("title") == null || price == null)) {
                    errors.add(error("lineItems." + n, "A custom line item needs a title and a priceSet"));
                    continue;
                }
                String unit = price != null ? price.toString() : (String) variant.get("price");
                int quantity = ((Number) line.get("quantity")).intValue();
                total = total.add(new BigDecimal(unit).multiply(BigDecimal.valueOf(quantity)));
                created.add(ShopifyStore.lineItem(id, n, variant != null ? (String) variant.get("sku") : (String) line.get("sku"),
                        variant != null ? (String) variant.get("title") : (String) line.get("title"), quantity, unit, variant));
            }
            Map<String, Object> customer = null;
            Map<String, Object> association = input.get("customer") == null ? null
                    : (Map<String, Object>) ((Map<String, Object>) input.get("customer")).get("toAssociate");
            if (association != null && association.get("id") != null) {
                customer = shop.customers.get((String) association.get("id"));
                if (customer == null) {
                    errors.add(error("customer", "Customer does not exist"));
                }
            }
            if (!errors.isEmpty()) {
                return payload("order", null, errors);
            }
            for (Map<String, Object> transaction : input.get("transactions") == null ? List.<Map<String, Object>>of()
                    : (List<Map<String, Object>>) input.get("transactions")) {
                Object amount = ((Map<String, Object>) ((Map<String, Object>) transaction.get("amountSet")).get("shopMoney")).get("amount");
                total = new BigDecimal(amount.toString()).max(total);
            }
            String processedAt = input.get("processedAt") == null ? ShopifyStore.now() : input.get("processedAt").toString();
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("id", id);
            order.put("name", input.get("name") != null ? input.get("name") : "#" + (100_000 + shop.orders.size()));
            order.put("email", input.get("email"));
            order.put("phone", input.get("phone"));
            order.put("createdAt", ShopifyStore.now());
            order.put("processedAt", processedAt);
            order.put("updatedAt", ShopifyStore.now());
            order.put("currencyCode", input.get("currency") == null ? "EUR" : input.get("currency"));
            order.put("totalPriceSet", Map.of("shopMoney", Map.of("amount", total.toPlainString(), "currencyCode", "EUR")));
            order.put("displayFinancialStatus", input.get("financialStatus") == null ? "PENDING" : input.get("financialStatus"));
            order.put("displayFulfillmentStatus", input.get("fulfillmentStatus") == null ? "UNFULFILLED" : input.get("fulfillmentStatus"));
            order.put("customer", customer);
            order.put("tags", input.get("tags") == null ? List.of() : input.get("tags"));
            order.put("note", input.get("note"));
            order.put("lineItems", created);
            shop.orders.put(id, order);
            maybeSlow(env, shop);
            return payload("order", order, errors);
        }
    }

    record DraftOrderCreate(Supplier<ShopifyStore> store) implements DataFetcher<Object> {
        @Override
        @SuppressWarnings("unchecked")
        public Object get(DataFetchingEnvironment env) {
            ShopifyStore shop = store.get();
            Map<String, Object> input = env.getArgument("input");
            List<Map<String, Object>> lines = (List<Map<String, Object>>) input.get("lineItems");
            if (lines == null || lines.isEmpty()) {
                return payload("draftOrder", null, List.of(error("lineItems", "Line items must have at least one line item")));
            }
            Map<String, Object> purchaser = (Map<String, Object>) input.get("purchasingEntity");
            Object customerId = purchaser == null ? null : purchaser.get("customerId");
            if (customerId != null && !shop.customers.containsKey((String) customerId)) {
                return payload("draftOrder", null, List.of(error("purchasingEntity", "Customer does not exist")));
            }
            String id = shop.newId("DraftOrder");
            Map<String, Object> draft = new LinkedHashMap<>();
            draft.put("id", id);
            draft.put("name", "#D" + (shop.drafts.size() + 1));
            draft.put("email", input.get("email"));
            draft.put("tags", input.get("tags") == null ? List.of() : input.get("tags"));
            draft.put("status", "OPEN");
            draft.put("customer", customerId == null ? null : shop.customers.get((String) customerId));
            draft.put("lineItems", lines);
            shop.drafts.put(id, draft);
            maybeSlow(env, shop);
            return payload("draftOrder", draft, List.of());
        }
    }
}
