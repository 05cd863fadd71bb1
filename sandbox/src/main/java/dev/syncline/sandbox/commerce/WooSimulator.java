package dev.syncline.sandbox.commerce;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.sandbox.fault.FaultInjector;
import dev.syncline.sandbox.http.Json;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * WooCommerce REST v3 under {@code /woo/wp-json/wc/v3}: consumer key and secret as HTTP Basic
 * (or as query parameters), bare-array pages with X-WP-Total / X-WP-TotalPages / Link, at most 100
 * per page, an empty page past the end, customers filtered to role "customer" unless {@code role=all},
 * string totals and {@code _gmt} dates without a zone; creating customers (one account per email)
 * and orders. Optionally the HPOS paging bug (every page answered with the first).
 */
final class WooSimulator {

    static final String KEY = "ck_sandbox";
    static final String SECRET = "cs_sandbox";
    private static final String BASE = "/woo/wp-json/wc/v3";

    final FaultInjector faults;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong creates = new AtomicLong();
    volatile boolean pagingBug;
    volatile int slowCreates;
    volatile long slowCreateMs;
    private final Vertx vertx;
    private final Supplier<CommerceWorld> world;

    WooSimulator(Vertx vertx, Supplier<CommerceWorld> world) {
        this.vertx = vertx;
        this.world = world;
        this.faults = new FaultInjector(vertx);
    }

    void mount(Router router) {
        router.route(BASE + "/*").handler(BodyHandler.create()).handler(this::authenticate).handler(faults::handle);
        router.get(BASE + "/customers").handler(c -> list(c, world.get().wooCustomers.values(), customerFilter(c.queryParams())));
        router.get(BASE + "/orders").handler(c -> list(c, world.get().wooOrders.values(), orderFilter(c.queryParams())));
        router.get(BASE + "/products").handler(c -> list(c, world.get().wooProducts.values(), productFilter(c.queryParams())));
        router.post(BASE + "/customers").handler(this::createCustomer);
        router.post(BASE + "/orders").handler(this::createOrder);
    }

    private void authenticate(RoutingContext context) {
        requests.incrementAndGet();
        String header = context.request().getHeader("Authorization");
        String key = context.queryParams().get("consumer_key");
        String secret = context.queryParams().get("consumer_secret");
        if (header != null && header.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
            key = pair[0];
            secret = pair.length > 1 ? pair[1] : null;
        }
        if (key == null) {
            error(context, 401, "woocommerce_rest_authentication_error", "Consumer key is missing.");
        } else if (!KEY.equals(key) || !SECRET.equals(secret)) {
            error(context, 401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        } else {
            context.next();
        }
    }

    private void list(RoutingContext context, Iterable<Map<String, Object>> records, Predicate<Map<String, Object>> filter) {
        MultiMap query = context.queryParams();
        int perPage;
        int page;
        try {
            perPage = Integer.parseInt(query.get("per_page") == null ? "10" : query.get("per_page"));
            page = Integer.parseInt(query.get("page") == null ? "1" : query.get("page"));
        } catch (NumberFormatException e) {
            error(context, 400, "rest_invalid_param", "Invalid parameter(s): page, per_page");
            return;
        }
        if (perPage < 1 || perPage > 100) {
            error(context, 400, "rest_invalid_param", "Invalid parameter(s): per_page (per_page must be between 1 (inclusive) and 100 (inclusive))");
            return;
        }
        List<Map<String, Object>> matching = new ArrayList<>();
        CommerceWorld current = world.get();
        synchronized (current) {
            for (Map<String, Object> record : records) {
                if (filter.test(record)) {
                    matching.add(record);
                }
            }
        }
        if ("desc".equals(query.get("order"))) {
            matching.sort(Comparator.comparingLong((Map<String, Object> r) -> ((Number) r.get("id")).longValue()).reversed());
        }
        int pages = (matching.size() + perPage - 1) / perPage;
        int effective = pagingBug ? 1 : page;
        int from = (effective - 1) * perPage;
        List<Map<String, Object>> slice = from >= matching.size() ? List.of() : matching.subList(from, Math.min(matching.size(), from + perPage));
        context.response().putHeader("X-WP-Total", Integer.toString(matching.size()))
                .putHeader("X-WP-TotalPages", Integer.toString(pages));
        if (page < pages) {
            context.response().putHeader("Link", "<" + context.request().absoluteURI().replaceAll("([?&])page=\\d+", "$1page=" + (page + 1))
                    + ">; rel=\"next\"");
        }
        Json.send(context, 200, slice);
    }

    /** {@code include=1,2,3}: only these ids. */
    private static Predicate<Map<String, Object>> included(MultiMap query) {
        String include = query.get("include");
        if (include == null || include.isBlank()) {
            return r -> true;
        }
        java.util.Set<String> ids = java.util.Set.of(include.split(","));
        return r -> ids.contains(r.get("id").toString());
    }

    private static Predicate<Map<String, Object>> customerFilter(MultiMap query) {
        String role = query.get("role") == null ? "customer" : query.get("role");
        String email = query.get("email");
        return c -> included(query).test(c) && ("all".equals(role) || role.equals(c.get("role")))
                && (email == null || email.trim().equalsIgnoreCase(((String) c.get("email")).trim()));
    }

    private static Predicate<Map<String, Object>> orderFilter(MultiMap query) {
        String customer = query.get("customer");
        boolean gmt = "true".equals(query.get("dates_are_gmt"));
        String after = query.get("after");
        String before = query.get("before");
        String search = query.get("search");
        return o -> included(query).test(o) && (customer == null || customer.equals(o.get("customer_id").toString()))
                && (after == null || date(o, gmt).isAfter(LocalDateTime.parse(after.replace("Z", ""))))
                && (before == null || date(o, gmt).isBefore(LocalDateTime.parse(before.replace("Z", ""))))
                && (search == null || o.toString().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)));
    }

    private static LocalDateTime date(Map<String, Object> order, boolean gmt) {
        return LocalDateTime.parse((String) order.get(gmt ? "date_created_gmt" : "date_created"));
    }

    private static Predicate<Map<String, Object>> productFilter(MultiMap query) {
        String sku = query.get("sku");
        return p -> sku == null || sku.equals(p.get("sku"));
    }

    private void createCustomer(RoutingContext context) {
        JsonNode body;
        try {
            body = Json.body(context);
        } catch (IllegalArgumentException e) {
            error(context, 400, "rest_invalid_json", "Invalid JSON body passed.");
            return;
        }
        String email = body.path("email").asText("").trim();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            error(context, 400, "rest_invalid_param", "Invalid parameter(s): email");
            return;
        }
        CommerceWorld current = world.get();
        Map<String, Object> customer;
        synchronized (current) {
            boolean taken = current.wooCustomers.values().stream().anyMatch(c -> email.equalsIgnoreCase(((String) c.get("email")).trim()));
            if (taken) {
                error(context, 400, "registration-error-email-exists",
                        "An account is already registered with your email address. <a href=\"#\" class=\"showlogin\">Please log in.</a>");
                return;
            }
            long id = current.wooCustomers.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            customer = new LinkedHashMap<>();
            customer.put("id", id);
            String now = CommerceWorld.WOO_GMT.format(LocalDateTime.now(ZoneOffset.UTC));
            customer.put("date_created", now);
            customer.put("date_created_gmt", now);
            customer.put("email", email.toLowerCase(Locale.ROOT));
            customer.put("first_name", body.path("first_name").asText(""));
            customer.put("last_name", body.path("last_name").asText(""));
            customer.put("role", "customer");
            customer.put("username", email.substring(0, email.indexOf('@')));
            customer.put("billing", Json.MAPPER.convertValue(body.path("billing"), new TypeReference<Map<String, Object>>() {
            }));
            customer.put("shipping", Map.of());
            customer.put("meta_data", Json.MAPPER.convertValue(body.path("meta_data"), new TypeReference<List<Object>>() {
            }));
            current.wooCustomers.put(id, customer);
        }
        created(context, customer);
    }

    @SuppressWarnings("unchecked")
    private void createOrder(RoutingContext context) {
        JsonNode body;
        try {
            body = Json.body(context);
        } catch (IllegalArgumentException e) {
            error(context, 400, "rest_invalid_json", "Invalid JSON body passed.");
            return;
        }
        CommerceWorld current = world.get();
        Map<String, Object> order;
        synchronized (current) {
            long customerId = body.path("customer_id").asLong(0);
            if (customerId != 0 && !current.wooCustomers.containsKey(customerId)) {
                error(context, 400, "woocommerce_rest_invalid_customer_id", "Customer ID is invalid.");
                return;
            }
            List<Map<String, Object>> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (JsonNode line : body.path("line_items")) {
                long productId = line.path("product_id").asLong(0);
                Map<String, Object> product = productId == 0 ? null : current.wooProducts.get(productId);
                if (productId != 0 && product == null) {
                    error(context, 400, "woocommerce_rest_invalid_product_id", "Product ID " + productId + " is invalid.");
                    return;
                }
                int quantity = line.path("quantity").asInt(1);
                BigDecimal lineTotal = line.hasNonNull("total") ? new BigDecimal(line.path("total").asText())
                        : new BigDecimal((String) product.get("price")).multiply(BigDecimal.valueOf(quantity));
                total = total.add(lineTotal);
                lines.add(new LinkedHashMap<>(Map.of("id", 900_000 + lines.size(), "name",
                        product != null ? product.get("name") : line.path("name").asText(""), "product_id", productId,
                        "variation_id", 0, "quantity", quantity, "sku", product != null ? product.get("sku") : "",
                        "price", lineTotal.divide(BigDecimal.valueOf(quantity), 2, java.math.RoundingMode.HALF_UP),
                        "subtotal", lineTotal.toPlainString(), "total", lineTotal.toPlainString())));
            }
            if (lines.isEmpty()) {
                error(context, 400, "rest_invalid_param", "Invalid parameter(s): line_items");
                return;
            }
            long id = current.wooOrders.keySet().stream().mapToLong(Long::longValue).max().orElse(100) + 1;
            String created = body.hasNonNull("date_created_gmt") ? body.path("date_created_gmt").asText().replace("Z", "")
                    : CommerceWorld.WOO_GMT.format(LocalDateTime.now(ZoneOffset.UTC));
            order = new LinkedHashMap<>();
            order.put("id", id);
            order.put("number", Long.toString(1000 + id));
            order.put("status", body.path("status").asText(body.path("set_paid").asBoolean() ? "processing" : "pending"));
            order.put("currency", body.path("currency").asText("EUR"));
            order.put("date_created", created);
            order.put("date_created_gmt", created);
            order.put("date_paid_gmt", body.path("set_paid").asBoolean() ? created : null);
            order.put("total", body.hasNonNull("shipping_total") ? total.add(new BigDecimal(body.path("shipping_total").asText())).toPlainString()
                    : total.toPlainString());
            order.put("total_tax", "0.00");
            order.put("shipping_total", body.path("shipping_total").asText("0.00"));
            order.put("customer_id", customerId);
            order.put("billing", Json.MAPPER.convertValue(body.path("billing"), new TypeReference<Map<String, Object>>() {
            }));
            order.put("line_items", lines);
            order.put("meta_data", Json.MAPPER.convertValue(body.path("meta_data"), new TypeReference<List<Object>>() {
            }));
            if (order.get("billing") == null) {
                order.put("billing", CommerceWorld.address("", "", "", ""));
            }
            if (order.get("meta_data") == null) {
                order.put("meta_data", List.of());
            }
            current.wooOrders.put(id, order);
        }
        created(context, order);
    }

    /** 201 with the record; held back for a while when the store is set to answer creates slowly. */
    private void created(RoutingContext context, Map<String, Object> record) {
        creates.incrementAndGet();
        boolean slow;
        synchronized (this) {
            slow = slowCreates > 0;
            if (slow) {
                slowCreates--;
            }
        }
        if (slow) {
            vertx.setTimer(slowCreateMs, id -> {
                if (!context.response().closed()) {
                    Json.send(context, 201, record);
                }
            });
        } else {
            Json.send(context, 201, record);
        }
    }

    static void error(RoutingContext context, int status, String code, String message) {
        Json.send(context, status, Map.of("code", code, "message", message, "data", Map.of("status", status)));
    }
}
