package dev.syncline.sandbox.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A WooCommerce store and a Shopify store generated together from one seed, so that what the two
 * share, and how, is known: the truth a comparison must find. People are shared (by email; or, for
 * one in ten, through a Shopify copy without email that only name and phone tie together), in one
 * store only, namesakes (same name, other phone), or ambiguous (two candidates on the other side).
 * Woo keeps emails as typed (mixed case, padded) and phones in national format; Shopify keeps E.164.
 * Orders are shared (same number; or, for one in ten, another number with the same email, total
 * and date), ambiguous, in one store only, or guests'; some SKUs exist in one store only.
 */
final class CommerceWorld {

    static final DateTimeFormatter WOO_GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hannah", "Jonas", "Lena",
            "Lukas", "Marie", "Noah", "Paul", "Sophie", "Tim"};
    private static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
            "Hoffmann", "Schäfer", "Koch", "Richter"};
    private static final String[] WOO_STATUS = {"completed", "completed", "completed", "processing", "on-hold", "pending", "refunded"};

    /** What a comparison from one store to the other must find. */
    record Truth(int sourceCount, int destinationCount, List<String> onlyInSource, List<String> ambiguous) {
        int matched() {
            return sourceCount - onlyInSource.size() - ambiguous.size();
        }
    }

    record Person(int index, String firstName, String lastName, String email, String mobile) {
        String wooPhone() {
            return "0" + mobile.substring(0, 3) + " " + mobile.substring(3, 6) + " " + mobile.substring(6);
        }

        String e164() {
            return "+49" + mobile;
        }
    }

    final Map<Long, Map<String, Object>> wooCustomers = new LinkedHashMap<>();
    final Map<Long, Map<String, Object>> wooOrders = new LinkedHashMap<>();
    final Map<Long, Map<String, Object>> wooProducts = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> shopifyCustomers = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> shopifyOrders = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> shopifyVariants = new LinkedHashMap<>();

    private final List<String> wooOnlyCustomers = new ArrayList<>();
    private final List<String> wooAmbiguousCustomers = new ArrayList<>();
    private final List<String> shopifyOnlyCustomers = new ArrayList<>();
    private final List<String> shopifyAmbiguousCustomers = new ArrayList<>();
    private final List<String> wooOnlyOrders = new ArrayList<>();
    private final List<String> wooAmbiguousOrders = new ArrayList<>();
    private final List<String> shopifyOnlyOrders = new ArrayList<>();
    private final List<Person> wooPeople = new ArrayList<>();
    private final Map<String, Long> wooCustomerByEmail = new LinkedHashMap<>();
    private final Map<String, String> shopifyCustomerByEmail = new LinkedHashMap<>();
    private final Random random;
    private final LocalDateTime epoch = LocalDateTime.of(2024, 1, 1, 8, 0);
    private long nextWooCustomer = 1;
    private long nextWooOrder = 101;
    private long nextShopifyCustomer = 7_000_000_001L;
    private long nextShopifyOrder = 5_000_000_001L;
    private int nextPerson;

    CommerceWorld(long seed, int sharedCustomers, int wooOnly, int shopifyOnly, int sharedOrders, int wooOnlyOrderCount,
                  int shopifyOnlyOrderCount, int products) {
        this.random = new Random(seed);
        products(products);
        for (int i = 0; i < sharedCustomers; i++) {
            Person p = person();
            wooCustomer(p);
            shopifyCustomer(p, i % 10 == 3 ? null : p.email());
        }
        for (int i = 0; i < Math.max(sharedCustomers / 100, sharedCustomers > 0 ? 1 : 0); i++) {
            // A Woo customer whose email Shopify does not know, and two Shopify copies without email.
            Person p = person();
            wooAmbiguousCustomers.add(Long.toString(wooCustomer(p)));
            shopifyCustomer(p, null);
            shopifyCustomer(p, null);
            // Two Woo customers (one phone, one name, two emails) and one Shopify copy without email.
            Person q = person();
            wooCustomer(q);
            Person twin = new Person(q.index(), q.firstName(), q.lastName(), "jr." + q.email(), q.mobile());
            wooCustomer(twin);
            shopifyAmbiguousCustomers.add(shopifyCustomer(q, null));
        }
        for (int i = 0; i < wooOnly; i++) {
            Person p = person();
            if (i % 20 == 5 && !shopifyCustomers.isEmpty()) {
                Map<String, Object> other = shopifyCustomers.values().iterator().next();
                p = new Person(p.index(), (String) other.get("firstName"), (String) other.get("lastName"), p.email(), p.mobile());
            }
            wooOnlyCustomers.add(Long.toString(wooCustomer(p)));
        }
        for (int i = 0; i < shopifyOnly; i++) {
            Person p = person();
            shopifyOnlyCustomers.add(shopifyCustomer(p, i % 5 == 2 ? null : p.email()));
        }
        orders(sharedOrders, wooOnlyOrderCount, shopifyOnlyOrderCount);
    }

    Truth truth(String kind, String source) {
        boolean woo = "woocommerce".equals(source);
        if ("customers".equals(kind)) {
            return woo ? new Truth(wooCustomers.size(), shopifyCustomers.size(), wooOnlyCustomers, wooAmbiguousCustomers)
                    : new Truth(shopifyCustomers.size(), wooCustomers.size(), shopifyOnlyCustomers, shopifyAmbiguousCustomers);
        }
        return woo ? new Truth(wooOrders.size(), shopifyOrders.size(), wooOnlyOrders, wooAmbiguousOrders)
                : new Truth(shopifyOrders.size(), wooOrders.size(), shopifyOnlyOrders, List.of());
    }

    private Person person() {
        int n = nextPerson++;
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String email = ascii(first) + "." + ascii(last) + "." + n + "@example.com";
        String mobile = "15" + String.format("%08d", (n * 7919L + 13) % 100_000_000L);
        return new Person(n, first, last, email, mobile);
    }

    private long wooCustomer(Person p) {
        long id = nextWooCustomer++;
        String typed = switch (p.index() % 4) {
            case 1 -> p.email().toUpperCase(Locale.ROOT);
            case 2 -> "  " + Character.toUpperCase(p.email().charAt(0)) + p.email().substring(1) + " ";
            default -> p.email();
        };
        Map<String, Object> billing = address(p.firstName(), p.lastName(), typed.trim(), p.wooPhone());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("date_created", WOO_GMT.format(created(id)));
        c.put("date_created_gmt", WOO_GMT.format(created(id).minusHours(1)));
        c.put("email", typed);
        c.put("first_name", p.firstName());
        c.put("last_name", p.lastName());
        c.put("role", "customer");
        c.put("username", ascii(p.firstName()).toLowerCase(Locale.ROOT) + p.index());
        c.put("billing", billing);
        c.put("shipping", address(p.firstName(), p.lastName(), null, null));
        c.put("meta_data", List.of());
        wooCustomers.put(id, c);
        wooCustomerByEmail.put(p.email(), id);
        wooPeople.add(p);
        return id;
    }

    private String shopifyCustomer(Person p, String email) {
        String id = "gid://shopify/Customer/" + nextShopifyCustomer++;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("email", email);
        c.put("firstName", p.firstName());
        c.put("lastName", p.lastName());
        c.put("phone", p.e164());
        c.put("note", null);
        c.put("tags", List.of());
        String at = created(p.index()).atOffset(ZoneOffset.UTC).toString();
        c.put("createdAt", at);
        c.put("updatedAt", at);
        c.put("numberOfOrders", 0);
        c.put("defaultAddress", Map.of("address1", "Hauptstraße " + (1 + p.index() % 120), "city", "Berlin", "zip", "10115",
                "countryCodeV2", "DE", "phone", p.e164(), "firstName", p.firstName(), "lastName", p.lastName()));
        shopifyCustomers.put(id, c);
        if (email != null) {
            shopifyCustomerByEmail.put(email, id);
        }
        return id;
    }

    private void products(int count) {
        for (int i = 1; i <= count; i++) {
            String sku = String.format("SKU-%05d", i);
            BigDecimal price = BigDecimal.valueOf(990 + random.nextInt(9000), 2);
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("id", 9000L + i);
            product.put("name", "Artikel " + i);
            product.put("sku", sku);
            product.put("price", price.toPlainString());
            wooProducts.put(9000L + i, product);
            if (i % 8 != 0) {
                String id = "gid://shopify/ProductVariant/" + (40_000_000_000L + i);
                shopifyVariants.put(id, new LinkedHashMap<>(Map.of("id", id, "sku", sku, "title", "Artikel " + i,
                        "price", price.toPlainString())));
            }
        }
    }

    private void orders(int shared, int wooOnly, int shopifyOnly) {
        if (wooPeople.isEmpty() || wooProducts.isEmpty()) {
            return;
        }
        for (int j = 0; j < shared; j++) {
            Map<String, Object> woo = wooOrder(pick());
            String number = (String) woo.get("number");
            shopifyOrder(woo, j % 10 == 4 ? "#S" + number : "#" + number);
        }
        for (int j = 0; j < Math.max(shared / 100, shared > 0 ? 1 : 0); j++) {
            Map<String, Object> woo = wooOrder(pick());
            wooAmbiguousOrders.add(woo.get("id").toString());
            shopifyOrder(woo, "#A" + woo.get("number"));
            shopifyOrder(woo, "#B" + woo.get("number"));
        }
        for (int j = 0; j < wooOnly; j++) {
            Map<String, Object> woo = wooOrder(j % 7 == 3 ? null : pick());
            wooOnlyOrders.add(woo.get("id").toString());
        }
        // Numbers no WooCommerce order has (theirs are 1000 + id), however many the store holds.
        long firstShopifyOnly = Math.max(90_000, 1000 + nextWooOrder + 10_000);
        for (int j = 0; j < shopifyOnly; j++) {
            Map<String, Object> template = wooOrderDraft(j % 6 == 1 ? null : pick(), nextShopifyOrder);
            shopifyOnlyOrders.add(shopifyOrder(template, "#" + (firstShopifyOnly + j)));
        }
    }

    private Person pick() {
        return wooPeople.get(random.nextInt(wooPeople.size()));
    }

    private Map<String, Object> wooOrder(Person buyer) {
        long id = nextWooOrder++;
        Map<String, Object> order = wooOrderDraft(buyer, id);
        wooOrders.put(id, order);
        return order;
    }

    /** A Woo-shaped order; {@code buyer} null: a guest without account (and, for some, without email). */
    private Map<String, Object> wooOrderDraft(Person buyer, long id) {
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal total = new BigDecimal("4.90");
        List<Map<String, Object>> products = new ArrayList<>(wooProducts.values());
        int count = 1 + random.nextInt(3);
        for (int n = 0; n < count; n++) {
            Map<String, Object> product = products.get(random.nextInt(products.size()));
            int quantity = 1 + random.nextInt(3);
            BigDecimal price = new BigDecimal((String) product.get("price"));
            BigDecimal lineTotal = price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
            total = total.add(lineTotal);
            lines.add(new LinkedHashMap<>(Map.of("id", id * 10 + n, "name", product.get("name"), "product_id", product.get("id"),
                    "variation_id", 0, "quantity", quantity, "sku", product.get("sku"), "price", price,
                    "subtotal", lineTotal.toPlainString(), "total", lineTotal.toPlainString())));
        }
        LocalDateTime created = epoch.plusMinutes(random.nextInt(60 * 24 * 300));
        String email = buyer != null ? buyer.email() : random.nextInt(3) == 0 ? "" : "gast" + id + "@example.org";
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("number", Long.toString(1000 + id));
        order.put("status", WOO_STATUS[random.nextInt(WOO_STATUS.length)]);
        order.put("currency", "EUR");
        order.put("date_created", WOO_GMT.format(created.plusHours(1)));
        order.put("date_created_gmt", WOO_GMT.format(created));
        order.put("total", total.toPlainString());
        order.put("total_tax", total.multiply(new BigDecimal("0.19")).divide(new BigDecimal("1.19"), 2, RoundingMode.HALF_UP).toPlainString());
        order.put("shipping_total", "4.90");
        order.put("customer_id", buyer == null ? 0 : wooCustomerByEmail.getOrDefault(buyer.email(), 0L));
        order.put("billing", buyer == null ? address("Gast", "Kunde", email, "") : address(buyer.firstName(), buyer.lastName(),
                buyer.email(), buyer.wooPhone()));
        order.put("line_items", lines);
        order.put("meta_data", new ArrayList<>());
        return order;
    }

    /** The Shopify copy of a Woo-shaped order, under the given name. */
    private String shopifyOrder(Map<String, Object> woo, String name) {
        String id = "gid://shopify/Order/" + nextShopifyOrder++;
        @SuppressWarnings("unchecked")
        Map<String, Object> billing = (Map<String, Object>) woo.get("billing");
        String email = (String) billing.get("email");
        String created = LocalDateTime.parse((String) woo.get("date_created_gmt")).atOffset(ZoneOffset.UTC).toString();
        String status = (String) woo.get("status");
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("name", name);
        order.put("email", email == null || email.isBlank() ? null : email);
        order.put("phone", null);
        order.put("createdAt", created);
        order.put("processedAt", created);
        order.put("updatedAt", created);
        order.put("currencyCode", "EUR");
        order.put("totalPriceSet", Map.of("shopMoney", Map.of("amount", woo.get("total"), "currencyCode", "EUR")));
        order.put("displayFinancialStatus", switch (status) {
            case "completed", "processing" -> "PAID";
            case "refunded" -> "REFUNDED";
            default -> "PENDING";
        });
        order.put("displayFulfillmentStatus", "completed".equals(status) ? "FULFILLED" : "UNFULFILLED");
        String customer = email == null ? null : shopifyCustomerByEmail.get(email);
        order.put("customer", customer == null ? null : shopifyCustomers.get(customer));
        order.put("tags", List.of());
        order.put("note", null);
        List<Map<String, Object>> lines = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> wooLines = (List<Map<String, Object>>) woo.get("line_items");
        for (Map<String, Object> line : wooLines) {
            lines.add(ShopifyStore.lineItem(id, lines.size(), (String) line.get("sku"), (String) line.get("name"),
                    ((Number) line.get("quantity")).intValue(), line.get("price").toString(), variantBySku((String) line.get("sku"))));
        }
        order.put("lineItems", lines);
        shopifyOrders.put(id, order);
        return id;
    }

    Map<String, Object> variantBySku(String sku) {
        return shopifyVariants.values().stream().filter(v -> sku != null && sku.equals(v.get("sku"))).findFirst().orElse(null);
    }

    static Map<String, Object> address(String first, String last, String email, String phone) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("first_name", first);
        a.put("last_name", last);
        a.put("company", "");
        a.put("address_1", "Hauptstraße 1");
        a.put("address_2", "");
        a.put("city", "Berlin");
        a.put("state", "");
        a.put("postcode", "10115");
        a.put("country", "DE");
        if (email != null) {
            a.put("email", email);
        }
        if (phone != null) {
            a.put("phone", phone);
        }
        return a;
    }

    private LocalDateTime created(long n) {
        return epoch.minusDays(400).plusMinutes(n * 37 % (60 * 24 * 390));
    }

    private static String ascii(String name) {
        return name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                .replace("Ü", "Ue").replace("ß", "ss").toLowerCase(Locale.ROOT);
    }
}
