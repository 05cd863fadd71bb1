package dev.syncline.sandbox.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.sandbox.fault.FaultPlan;
import dev.syncline.sandbox.http.Control;
import dev.syncline.sandbox.http.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The Shopware 6 Admin API as a catalog connector uses it, one shop per {@code /shopware/<instance>}:
 * {@code POST /api/oauth/token} (client credentials, 10-minute tokens), {@code POST /api/_action/sync}
 * with product upserts, validated record by record like Shopware's DAL (ids, numbers, prices, tax,
 * parents and options, unique product numbers) and written as one transaction: a request with any
 * invalid record writes nothing and answers 400 with an error per record pointing at it;
 * {@code POST /api/search/product} to read back. Control API under {@code /sandbox/shopware/<instance>}.
 */
public class ShopwareSimulator {

    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{32}");

    private final Vertx vertx;
    private final Map<String, ShopwareInstance> instances = new ConcurrentHashMap<>();

    public ShopwareSimulator(Vertx vertx) {
        this.vertx = vertx;
    }

    private ShopwareInstance instance(RoutingContext context) {
        return instances.computeIfAbsent(context.pathParam("instance"), name -> new ShopwareInstance(vertx));
    }

    public void mount(Router router) {
        String api = "/shopware/:instance/api";
        router.route(api + "/*").handler(BodyHandler.create().setBodyLimit(64L * 1024 * 1024));
        router.post(api + "/oauth/token").handler(this::token);
        router.post(api + "/_action/sync").handler(this::authorize).handler(c -> instance(c).faults.handle(c)).handler(this::sync);
        router.post(api + "/search/product").handler(this::authorize).handler(this::search);

        String control = "/sandbox/shopware/:instance";
        router.route(control + "/*").handler(BodyHandler.create());
        router.post(control + "/reset").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            shop.reset(Json.body(c).path("tokenLifetimeSeconds").asLong(600));
            shop.faults.set(FaultPlan.NONE);
            Json.send(c, 200, stats(shop));
        }));
        router.put(control + "/faults").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            shop.faults.set(Json.MAPPER.treeToValue(Json.body(c), FaultPlan.class));
            Json.send(c, 200, shop.faults.plan());
        }));
        router.get(control + "/stats").handler(Control.raw(c -> Json.send(c, 200, stats(instance(c)))));
        router.get(control + "/products").handler(Control.raw(c -> {
            ShopwareInstance shop = instance(c);
            synchronized (shop) {
                Json.send(c, 200, new ArrayList<>(shop.products.values()));
            }
        }));
    }

    private void token(RoutingContext context) {
        ShopwareInstance shop = instance(context);
        JsonNode body = Json.body(context);
        if (!"client_credentials".equals(body.path("grant_type").asText())) {
            Json.send(context, 400, error("400", "The authorization grant type is not supported by the authorization server.", null));
            return;
        }
        if (!ShopwareInstance.CLIENT_ID.equals(body.path("client_id").asText())
                || !ShopwareInstance.CLIENT_SECRET.equals(body.path("client_secret").asText())) {
            Json.send(context, 401, error("401", "Client authentication failed", null));
            return;
        }
        Json.send(context, 200, Map.of("token_type", "Bearer", "expires_in", shop.tokenLifetimeSeconds,
                "access_token", shop.issueToken()));
    }

    private void authorize(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (!instance(context).valid(token)) {
            Json.send(context, 401, error("401", "The resource owner or authorization server denied the request.", null));
            return;
        }
        context.next();
    }

    private void sync(RoutingContext context) {
        ShopwareInstance shop = instance(context);
        shop.syncRequests.incrementAndGet();
        JsonNode body;
        try {
            body = Json.body(context);
        } catch (IllegalArgumentException e) {
            Json.send(context, 400, error("400", e.getMessage(), null));
            return;
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<String, List<String>> written = new LinkedHashMap<>();
        synchronized (shop) {
            Map<String, ObjectNode> pending = new LinkedHashMap<>();
            Map<String, String> pendingNumbers = new HashMap<>();
            body.fields().forEachRemaining(operation -> {
                String key = operation.getKey();
                JsonNode op = operation.getValue();
                if (!"product".equals(op.path("entity").asText()) || !"upsert".equals(op.path("action").asText())) {
                    errors.add(errorEntry("FRAMEWORK__SYNC_ACTION", "Only product upserts are supported here", "/" + key));
                    return;
                }
                JsonNode payload = op.path("payload");
                for (int i = 0; i < payload.size(); i++) {
                    String pointer = "/" + key + "/" + i;
                    String problem = validate(shop, payload.get(i), pending, pendingNumbers);
                    if (problem != null) {
                        String[] parts = problem.split("\\|", 3);
                        errors.add(errorEntry(parts[0], parts[2], pointer + "/" + parts[1]));
                    } else {
                        ObjectNode product = (ObjectNode) payload.get(i);
                        String id = product.get("id").asText();
                        ObjectNode merged = (pending.containsKey(id) ? pending.get(id)
                                : shop.products.containsKey(id) ? shop.products.get(id).deepCopy() : Json.MAPPER.createObjectNode());
                        merged.setAll(product);
                        pending.put(id, merged);
                        pendingNumbers.put(merged.path("productNumber").asText(), id);
                        written.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                    }
                }
            });
            if (errors.isEmpty()) {
                pending.forEach((id, product) -> {
                    ObjectNode before = shop.products.put(id, product);
                    if (before != null) {
                        shop.idByNumber.remove(before.path("productNumber").asText());
                    }
                    shop.idByNumber.put(product.path("productNumber").asText(), id);
                });
            }
        }
        if (!errors.isEmpty()) {
            shop.rejectedRequests.incrementAndGet();
            Json.send(context, 400, Map.of("errors", errors));
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        written.forEach((key, ids) -> data.put(key, Map.of("result", List.of(Map.of("entities", Map.of("product", ids))),
                "extensions", List.of())));
        Json.send(context, 200, Map.of("success", true, "data", data));
    }

    /** The first thing wrong with a product record, as "code|field|detail"; null when it is valid. */
    private static String validate(ShopwareInstance shop, JsonNode product, Map<String, ObjectNode> pending,
                                   Map<String, String> pendingNumbers) {
        if (!product.isObject()) {
            return "FRAMEWORK__INVALID_TYPE||The record must be an object";
        }
        String id = product.path("id").asText("");
        if (!HEX_ID.matcher(id).matches()) {
            return "FRAMEWORK__INVALID_UUID|id|The id must be a 32-character lower-case hex UUID";
        }
        boolean existing = pending.containsKey(id) || shop.products.containsKey(id);
        String number = product.path("productNumber").asText("");
        if (!existing && number.isBlank()) {
            return "VIOLATION::IS_BLANK_ERROR|productNumber|This value should not be blank.";
        }
        if (!number.isBlank()) {
            String owner = pendingNumbers.containsKey(number) ? pendingNumbers.get(number) : shop.idByNumber.get(number);
            if (owner != null && !owner.equals(id)) {
                return "CONTENT__DUPLICATE_PRODUCT_NUMBER|productNumber|Product with number \"" + number + "\" already exists.";
            }
        }
        if (product.has("stock") && !product.get("stock").canConvertToInt()) {
            return "VIOLATION::INVALID_TYPE|stock|This value should be of type int.";
        }
        if (!existing && !product.has("stock")) {
            return "VIOLATION::IS_BLANK_ERROR|stock|This value should not be blank.";
        }
        String parentId = product.path("parentId").asText(null);
        if (parentId != null) {
            if (!pending.containsKey(parentId) && !shop.products.containsKey(parentId)) {
                return "FRAMEWORK__WRITE_CONSTRAINT_VIOLATION|parentId|The parent product " + parentId + " does not exist";
            }
            JsonNode options = product.path("options");
            if (!existing && (!options.isArray() || options.isEmpty())) {
                return "VIOLATION::IS_BLANK_ERROR|options|A variant needs the options that tell it from its siblings.";
            }
            return optionsProblem(options);
        }
        if (!existing && product.path("name").asText("").isBlank()) {
            return "VIOLATION::IS_BLANK_ERROR|name|This value should not be blank.";
        }
        if (!existing && !product.has("taxId") && !product.path("tax").has("taxRate")) {
            return "VIOLATION::IS_BLANK_ERROR|taxId|This value should not be blank.";
        }
        if (product.has("price") || !existing) {
            JsonNode prices = product.path("price");
            if (!prices.isArray() || prices.isEmpty()) {
                return "VIOLATION::IS_BLANK_ERROR|price|This value should not be blank.";
            }
            for (int p = 0; p < prices.size(); p++) {
                JsonNode price = prices.get(p);
                if (!HEX_ID.matcher(price.path("currencyId").asText("")).matches() || !price.path("gross").isNumber()
                        || !price.path("net").isNumber() || !price.path("linked").isBoolean()) {
                    return "VIOLATION::INVALID_PRICE|price/" + p + "|A price needs currencyId, gross, net and linked.";
                }
            }
        }
        return null;
    }

    private static String optionsProblem(JsonNode options) {
        for (int o = 0; o < options.size(); o++) {
            if (!HEX_ID.matcher(options.get(o).path("id").asText("")).matches()) {
                return "FRAMEWORK__INVALID_UUID|options/" + o + "/id|The option id must be a 32-character hex UUID";
            }
        }
        return null;
    }

    private void search(RoutingContext context) {
        ShopwareInstance shop = instance(context);
        JsonNode criteria = Json.body(context);
        int page = Math.max(1, criteria.path("page").asInt(1));
        int limit = Math.min(500, Math.max(1, criteria.path("limit").asInt(25)));
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (shop) {
            for (ObjectNode product : shop.products.values()) {
                if (matches(product, criteria.path("filter"))) {
                    matching.add(product);
                }
            }
        }
        int from = (page - 1) * limit;
        List<ObjectNode> data = matching.subList(Math.min(from, matching.size()), Math.min(matching.size(), from + limit));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", criteria.path("total-count-mode").asInt(0) == 1 ? matching.size() : data.size());
        answer.put("data", data);
        answer.put("aggregations", List.of());
        Json.send(context, 200, answer);
    }

    private static boolean matches(ObjectNode product, JsonNode filters) {
        for (JsonNode filter : filters) {
            String value = product.path(filter.path("field").asText()).asText(null);
            switch (filter.path("type").asText()) {
                case "equals" -> {
                    if (!filter.path("value").asText().equals(value)) {
                        return false;
                    }
                }
                case "equalsAny" -> {
                    List<String> any = new ArrayList<>();
                    JsonNode values = filter.path("value");
                    if (values.isArray()) {
                        values.forEach(v -> any.add(v.asText()));
                    } else {
                        any.addAll(List.of(values.asText().split("\\|")));
                    }
                    if (!any.contains(value)) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<String, Object> errorEntry(String code, String detail, String pointer) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", code);
        entry.put("status", "400");
        entry.put("title", "Bad Request");
        entry.put("detail", detail);
        entry.put("source", Map.of("pointer", pointer));
        return entry;
    }

    private static Map<String, Object> error(String status, String detail, String code) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", status);
        entry.put("title", status.equals("401") ? "Unauthorized" : "Bad Request");
        entry.put("detail", detail);
        if (code != null) {
            entry.put("code", code);
        }
        return Map.of("errors", List.of(entry));
    }

    private static Map<String, Object> stats(ShopwareInstance shop) {
        synchronized (shop) {
            long variants = shop.products.values().stream().filter(p -> p.hasNonNull("parentId")).count();
            return Map.of("products", shop.products.size(), "variants", variants, "syncRequests", shop.syncRequests.get(),
                    "rejectedRequests", shop.rejectedRequests.get(), "tokensIssued", shop.tokensIssued.get(),
                    "faultedRequests", shop.faults.injected());
        }
    }
}
