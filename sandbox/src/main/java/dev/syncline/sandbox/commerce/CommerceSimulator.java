package dev.syncline.sandbox.commerce;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.sandbox.fault.FaultPlan;
import dev.syncline.sandbox.http.Control;
import dev.syncline.sandbox.http.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WooCommerce store and a Shopify store that share part of their customers and orders (see
 * {@link CommerceWorld}). Shopify: {@code POST /shopify/admin/api/<version>/graphql.json} with
 * {@code X-Shopify-Access-Token}, bulk results under {@code /shopify/bulk/<id>.jsonl}. WooCommerce:
 * {@code /woo/wp-json/wc/v3/…}. Control API under {@code /sandbox/commerce}, {@code /sandbox/woo}
 * and {@code /sandbox/shopify}.
 */
public class CommerceSimulator {

    static final String SHOPIFY_TOKEN = "shpat_sandbox_token";

    private final Vertx vertx;
    private volatile CommerceWorld world = new CommerceWorld(11, 0, 0, 0, 0, 0, 0, 0);
    private volatile ShopifyStore shopify = new ShopifyStore(world);
    private final WooSimulator woo;
    private final dev.syncline.sandbox.fault.FaultInjector shopifyFaults;
    private ShopifyGraphql graphql;

    public CommerceSimulator(Vertx vertx) {
        this.vertx = vertx;
        this.woo = new WooSimulator(vertx, () -> world);
        this.shopifyFaults = new dev.syncline.sandbox.fault.FaultInjector(vertx);
    }

    public void mount(Router router) {
        woo.mount(router);
        router.post("/shopify/admin/api/:version/graphql.json").handler(BodyHandler.create().setBodyLimit(16L * 1024 * 1024))
                .handler(this::authorizeShopify).handler(shopifyFaults::handle).blockingHandler(this::graphql, false);
        router.get("/shopify/bulk/:file").handler(this::bulkResult);

        router.route("/sandbox/commerce/*").handler(BodyHandler.create());
        router.route("/sandbox/woo/*").handler(BodyHandler.create());
        router.route("/sandbox/shopify/*").handler(BodyHandler.create());
        router.post("/sandbox/commerce/reset").handler(Control.action(body -> {
            CommerceWorld next = new CommerceWorld(body.path("seed").asLong(11), count(body, "sharedCustomers"),
                    count(body, "wooOnlyCustomers"), count(body, "shopifyOnlyCustomers"), count(body, "sharedOrders"),
                    count(body, "wooOnlyOrders"), count(body, "shopifyOnlyOrders"), body.path("products").asInt(40));
            world = next;
            shopify = new ShopifyStore(next);
            woo.faults.set(FaultPlan.NONE);
            woo.pagingBug = false;
            woo.slowCreates = 0;
            woo.requests.set(0);
            woo.creates.set(0);
            shopifyFaults.set(FaultPlan.NONE);
            return stats();
        }));
        router.get("/sandbox/commerce/truth").handler(Control.raw(c -> {
            String kind = c.queryParams().get("kind");
            String source = c.queryParams().get("sourceOfTruth");
            if (!"customers".equals(kind) && !"orders".equals(kind) || !"woocommerce".equals(source) && !"shopify".equals(source)) {
                throw new IllegalArgumentException("kind must be customers or orders, sourceOfTruth woocommerce or shopify");
            }
            CommerceWorld.Truth truth = world.truth(kind, source);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("sourceCount", truth.sourceCount());
            answer.put("destinationCount", truth.destinationCount());
            answer.put("matched", truth.matched());
            answer.put("onlyInSource", truth.onlyInSource());
            answer.put("ambiguous", truth.ambiguous());
            Json.send(c, 200, answer);
        }));
        router.get("/sandbox/commerce/stats").handler(Control.raw(c -> Json.send(c, 200, stats())));

        router.put("/sandbox/woo/faults").handler(Control.action(body -> {
            woo.faults.set(Json.MAPPER.treeToValue(body, FaultPlan.class));
            return woo.faults.plan();
        }));
        router.put("/sandbox/woo/paging-bug").handler(Control.action(body -> {
            woo.pagingBug = body.path("enabled").asBoolean();
            return Map.of("enabled", woo.pagingBug);
        }));
        router.put("/sandbox/woo/slow-creates").handler(Control.action(body -> {
            woo.slowCreates = body.path("count").asInt(0);
            woo.slowCreateMs = body.path("delayMs").asLong(5_000);
            return Map.of("count", woo.slowCreates);
        }));
        router.get("/sandbox/woo/customers").handler(Control.raw(c -> Json.send(c, 200, snapshot(world.wooCustomers.values()))));
        router.get("/sandbox/woo/orders").handler(Control.raw(c -> Json.send(c, 200, snapshot(world.wooOrders.values()))));

        router.put("/sandbox/shopify/limits").handler(Control.action(body -> {
            shopify.limits(body.path("maximumAvailable").asDouble(2000), body.path("restoreRate").asDouble(100),
                    body.path("throttledStatus").asInt(200));
            return shopify.throttleStatus();
        }));
        router.put("/sandbox/shopify/faults").handler(Control.action(body -> {
            shopifyFaults.set(Json.MAPPER.treeToValue(body, FaultPlan.class));
            return shopifyFaults.plan();
        }));
        router.put("/sandbox/shopify/bulk").handler(Control.action(body -> {
            shopify.bulkRunMs = body.path("runMs").asLong(300);
            return Map.of("runMs", shopify.bulkRunMs);
        }));
        router.put("/sandbox/shopify/slow-creates").handler(Control.action(body -> {
            synchronized (shopify) {
                shopify.slowCreates = body.path("count").asInt(0);
                shopify.slowCreateMs = body.path("delayMs").asLong(5_000);
            }
            return Map.of("count", shopify.slowCreates);
        }));
        router.get("/sandbox/shopify/customers").handler(Control.raw(c -> Json.send(c, 200, snapshot(shopify.customers.values()))));
        router.get("/sandbox/shopify/orders").handler(Control.raw(c -> Json.send(c, 200, snapshot(shopify.orders.values()))));
        router.get("/sandbox/shopify/drafts").handler(Control.raw(c -> Json.send(c, 200, snapshot(shopify.drafts.values()))));
    }

    private Object snapshot(Iterable<Map<String, Object>> records) {
        synchronized (shopify) {
            synchronized (world) {
                var list = new ArrayList<Map<String, Object>>();
                records.forEach(list::add);
                return list;
            }
        }
    }

    private static int count(JsonNode body, String field) {
        int value = body.path(field).asInt(0);
        if (value < 0 || value > 1_000_000) {
            throw new IllegalArgumentException(field + " must be between 0 and 1000000");
        }
        return value;
    }

    private Map<String, Object> stats() {
        ShopifyStore shop = shopify;
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("wooCustomers", world.wooCustomers.size());
        stats.put("wooOrders", world.wooOrders.size());
        stats.put("wooRequests", woo.requests.get());
        stats.put("wooCreates", woo.creates.get());
        stats.put("shopifyCustomers", shop.customers.size());
        stats.put("shopifyOrders", shop.orders.size());
        stats.put("shopifyDrafts", shop.drafts.size());
        stats.put("shopifyRequests", shop.requests.get());
        stats.put("shopifyApiVersions", new java.util.TreeSet<>(shop.apiVersions));
        stats.put("shopifyCreates", shop.creates.get());
        stats.put("shopifyThrottled", shop.throttled.get());
        stats.put("shopifyBulkOperations", shop.bulkResults.size());
        stats.put("shopifyPointsUsed", shop.pointsUsed.get());
        stats.put("shopifyFaulted", shopifyFaults.injected());
        stats.put("throttleStatus", shop.throttleStatus());
        return stats;
    }

    private void authorizeShopify(RoutingContext context) {
        if (!SHOPIFY_TOKEN.equals(context.request().getHeader("X-Shopify-Access-Token"))) {
            Json.send(context, 401, Map.of("errors", "[API] Invalid API key or access token (unrecognized login or wrong password)"));
            return;
        }
        context.next();
    }

    private synchronized ShopifyGraphql engine(RoutingContext context) {
        if (graphql == null) {
            String base = context.request().scheme() + "://" + context.request().authority() + "/shopify/bulk/";
            graphql = new ShopifyGraphql(() -> shopify, base);
        }
        return graphql;
    }

    private void graphql(RoutingContext context) {
        JsonNode body;
        try {
            body = Json.body(context);
        } catch (IllegalArgumentException e) {
            Json.send(context, 400, Map.of("errors", "Invalid JSON in request body"));
            return;
        }
        if (!body.path("query").isTextual()) {
            Json.send(context, 400, Map.of("errors", "Parameter Missing or Invalid: query"));
            return;
        }
        Map<String, Object> variables = body.hasNonNull("variables")
                ? Json.MAPPER.convertValue(body.get("variables"), new TypeReference<Map<String, Object>>() {
                })
                : Map.of();
        // Shopify serves the version in the path, or falls forward to the oldest one it supports, and
        // names the one it served in X-Shopify-API-Version; the sandbox has the 2025-07 schema only.
        shopify.apiVersions.add(context.pathParam("version"));
        context.response().putHeader("X-Shopify-API-Version", ShopifyGraphql.API_VERSION);
        ShopifyGraphql.Answer answer = engine(context).execute(body.get("query").asText(), variables,
                body.path("operationName").asText(null));
        if (answer.slow()) {
            vertx.setTimer(shopify.slowCreateMs, id -> {
                if (!context.response().closed()) {
                    Json.send(context, answer.status(), answer.body());
                }
            });
        } else {
            Json.send(context, answer.status(), answer.body());
        }
    }

    private void bulkResult(RoutingContext context) {
        String file = context.pathParam("file");
        String id = "gid://shopify/BulkOperation/" + file.replace(".jsonl", "");
        String jsonl = shopify.bulkResults.get(id);
        if (jsonl == null) {
            context.response().setStatusCode(404).end("NoSuchKey");
            return;
        }
        context.response().putHeader("Content-Type", "application/jsonl").end(io.vertx.core.buffer.Buffer.buffer(jsonl.getBytes(StandardCharsets.UTF_8)));
    }
}
