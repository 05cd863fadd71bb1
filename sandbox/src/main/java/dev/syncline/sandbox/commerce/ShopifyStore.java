package dev.syncline.sandbox.commerce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The Shopify store's state: customers, orders, variants, draft orders and bulk operations, and
 * the app's leaky cost bucket (Standard plan: 2,000 points, 100 restored per second).
 */
final class ShopifyStore {

    final Map<String, Map<String, Object>> customers;
    final Map<String, Map<String, Object>> orders;
    final Map<String, Map<String, Object>> variants;
    final Map<String, Map<String, Object>> drafts = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> bulkOperations = new LinkedHashMap<>();
    final Map<String, String> bulkResults = new LinkedHashMap<>();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    /** The Admin API versions requested in the path. */
    final java.util.Set<String> apiVersions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicLong pointsUsed = new AtomicLong();
    final AtomicLong creates = new AtomicLong();
    volatile double maximumAvailable = 2000;
    volatile double restoreRate = 100;
    volatile int throttledStatus = 200;
    /** Mutations that create their record but answer only after this delay (a client's timeout). */
    volatile int slowCreates;
    volatile long slowCreateMs;
    /** How long a bulk export runs before it completes (Shopify runs them in the background). */
    volatile long bulkRunMs = 300;
    private double available = 2000;
    private long refilledAt = System.nanoTime();
    private long nextId = 8_000_000_001L;

    ShopifyStore(CommerceWorld world) {
        this.customers = world.shopifyCustomers;
        this.orders = world.shopifyOrders;
        this.variants = world.shopifyVariants;
    }

    /** Takes {@code cost} points if the bucket holds them; the bucket's state after, or null when throttled. */
    synchronized double[] take(double cost) {
        refill();
        if (available < cost) {
            throttled.incrementAndGet();
            return null;
        }
        available -= cost;
        return new double[] {available};
    }

    synchronized void refund(double points) {
        available = Math.min(maximumAvailable, available + points);
    }

    synchronized Map<String, Object> throttleStatus() {
        refill();
        return Map.of("maximumAvailable", maximumAvailable, "currentlyAvailable", Math.floor(available), "restoreRate", restoreRate);
    }

    synchronized void limits(double maximum, double rate, int status) {
        maximumAvailable = maximum;
        restoreRate = rate;
        throttledStatus = status;
        available = maximum;
        refilledAt = System.nanoTime();
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(maximumAvailable, available + (now - refilledAt) / 1e9 * restoreRate);
        refilledAt = now;
    }

    synchronized String newId(String type) {
        return "gid://shopify/" + type + "/" + nextId++;
    }

    static String now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).withNano(0).toString();
    }

    static Map<String, Object> lineItem(String orderId, int n, String sku, String title, int quantity, String price,
                                        Map<String, Object> variant) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", "gid://shopify/LineItem/" + orderId.substring(orderId.lastIndexOf('/') + 1) + n);
        line.put("sku", sku);
        line.put("title", title);
        line.put("quantity", quantity);
        line.put("originalUnitPriceSet", Map.of("shopMoney", Map.of("amount", price, "currencyCode", "EUR")));
        line.put("variant", variant);
        return line;
    }

    /** Shopify's search syntax as far as a migration uses it: {@code field:value} terms, quotes allowed. */
    static Predicate<Map<String, Object>> search(String query) {
        if (query == null || query.isBlank()) {
            return record -> true;
        }
        List<Predicate<Map<String, Object>>> terms = new ArrayList<>();
        for (String term : query.trim().split("\\s+(?=[a-z_]+:)")) {
            int colon = term.indexOf(':');
            if (colon < 0) {
                String text = term.toLowerCase(Locale.ROOT);
                terms.add(r -> r.toString().toLowerCase(Locale.ROOT).contains(text));
                continue;
            }
            String field = term.substring(0, colon);
            String value = term.substring(colon + 1).replaceAll("^['\"]|['\"]$", "");
            terms.add(switch (field) {
                case "email" -> r -> value.equalsIgnoreCase(String.valueOf(r.get("email")));
                case "phone" -> r -> value.equals(r.get("phone"));
                case "sku" -> r -> value.equals(r.get("sku"));
                case "name" -> r -> value.equals(r.get("name"));
                case "tag" -> r -> r.get("tags") instanceof List<?> tags && tags.contains(value);
                default -> r -> true;
            });
        }
        return record -> terms.stream().allMatch(t -> t.test(record));
    }
}
