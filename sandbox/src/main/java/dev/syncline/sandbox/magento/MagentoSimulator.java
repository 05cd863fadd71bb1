package dev.syncline.sandbox.magento;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.sandbox.fault.FaultInjector;
import dev.syncline.sandbox.fault.FaultPlan;
import dev.syncline.sandbox.http.Control;
import dev.syncline.sandbox.http.Json;
import dev.syncline.sandbox.magento.OrderQuery.PageMode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Magento 2 REST as far as the order sync uses it: admin-token login, integration tokens and
 * {@code GET /rest/V1/orders} with the searchCriteria grammar; plus a control API under
 * {@code /sandbox/magento} to seed data, append orders, switch paging behaviour and inject faults.
 */
public class MagentoSimulator {

    public static final String ADMIN_USERNAME = "sandbox-admin";
    public static final String ADMIN_PASSWORD = "sandbox-password";
    public static final String INTEGRATION_TOKEN = "sandbox-integration-token";
    static final long DEFAULT_SEED = 20251122L;
    static final long DEFAULT_TOKEN_LIFETIME_SECONDS = 4 * 3600;

    private final FaultInjector faults;
    private final Map<String, Instant> adminTokens = new ConcurrentHashMap<>();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong orderRequests = new AtomicLong();
    private volatile OrderCatalog catalog = OrderCatalog.seeded(DEFAULT_SEED, 0);
    private volatile PageMode pageMode = PageMode.CLAMP;
    private volatile long tokenLifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS;
    private volatile String adminPassword = ADMIN_PASSWORD;

    public MagentoSimulator(Vertx vertx) {
        this.faults = new FaultInjector(vertx);
    }

    public void mount(Router router) {
        router.post("/rest/V1/integration/admin/token").handler(BodyHandler.create()).handler(this::adminToken);
        router.post("/rest/:store/V1/integration/admin/token").handler(BodyHandler.create()).handler(this::adminToken);
        router.get("/rest/V1/orders").handler(this::requireToken).handler(faults::handle).handler(this::orders);
        router.get("/rest/:store/V1/orders").handler(this::requireToken).handler(faults::handle).handler(this::orders);

        router.route("/sandbox/magento/*").handler(BodyHandler.create());
        router.post("/sandbox/magento/reset").handler(Control.raw(this::reset));
        router.post("/sandbox/magento/orders").handler(Control.raw(this::append));
        router.get("/sandbox/magento/summary").handler(Control.raw(c -> Json.send(c, 200, catalog.summary())));
        router.put("/sandbox/magento/faults").handler(Control.raw(this::setFaults));
        router.get("/sandbox/magento/stats").handler(Control.raw(this::stats));
        router.get("/sandbox/magento/orders/:entityId").handler(Control.raw(this::oneOrder));
    }

    private void adminToken(RoutingContext context) {
        JsonNode body = Json.body(context);
        logins.incrementAndGet();
        if (!ADMIN_USERNAME.equals(body.path("username").asText(null))
                || !adminPassword.equals(body.path("password").asText(null))) {
            Json.send(context, 401, Json.message("The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later."));
            return;
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        adminTokens.put(token, Instant.now().plusSeconds(tokenLifetimeSeconds));
        Json.send(context, 200, token);
    }

    /** Checked before faults, so a fault plan's request numbers count only requests that got in. */
    private void requireToken(RoutingContext context) {
        orderRequests.incrementAndGet();
        if (!authorized(context.request().getHeader("Authorization"))) {
            Json.send(context, 401, Map.of("message", "The consumer isn't authorized to access %resources.",
                    "parameters", Map.of("resources", "Magento_Sales::actions_view")));
            return;
        }
        context.next();
    }

    private void orders(RoutingContext context) {
        try {
            SearchCriteria criteria = SearchCriteria.parse(context.queryParams());
            OrderQuery.Result result = OrderQuery.run(catalog, criteria, pageMode);
            byte[] body = render(criteria, result);
            if (Boolean.TRUE.equals(context.get(FaultInjector.MALFORMED))) {
                body = java.util.Arrays.copyOf(body, body.length / 2);
            }
            Json.sendBytes(context, 200, body);
        } catch (MagentoInputException e) {
            Json.send(context, 400, Map.of("message", e.getMessage(), "parameters", e.parameters()));
        } catch (IOException e) {
            context.fail(e);
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        String token = header.substring("Bearer ".length()).trim();
        if (INTEGRATION_TOKEN.equals(token)) {
            return true;
        }
        Instant expiry = adminTokens.get(token);
        return expiry != null && Instant.now().isBefore(expiry);
    }

    private static byte[] render(SearchCriteria criteria, OrderQuery.Result result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + result.items().size() * 1200);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (GeneratedOrder order : result.items()) {
                order.write(json);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("search_criteria");
            json.writeArrayFieldStart("filter_groups");
            for (var group : criteria.filterGroups()) {
                json.writeStartObject();
                json.writeArrayFieldStart("filters");
                for (var filter : group) {
                    json.writeStartObject();
                    json.writeStringField("field", filter.field());
                    json.writeStringField("value", filter.value());
                    json.writeStringField("condition_type", filter.condition());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            if (!criteria.sortOrders().isEmpty()) {
                json.writeArrayFieldStart("sort_orders");
                for (var sort : criteria.sortOrders()) {
                    json.writeStartObject();
                    json.writeStringField("field", sort.field());
                    json.writeStringField("direction", sort.ascending() ? "ASC" : "DESC");
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeNumberField("page_size", result.pageSize());
            json.writeNumberField("current_page", result.currentPage());
            json.writeEndObject();
            json.writeNumberField("total_count", result.totalCount());
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * {"orders": N, "seed": S, "pageMode": "clamp|empty", "tokenLifetimeSeconds": T, "adminPassword": P}:
     * a fresh shop; every admin token issued before is void.
     */
    private void reset(RoutingContext context) {
        JsonNode body = Json.body(context);
        int count = body.path("orders").asInt(0);
        if (count < 0 || count > 5_000_000) {
            throw new IllegalArgumentException("orders must be between 0 and 5000000");
        }
        catalog = OrderCatalog.seeded(body.path("seed").asLong(DEFAULT_SEED), count);
        pageMode = PageMode.valueOf(body.path("pageMode").asText("clamp").toUpperCase());
        tokenLifetimeSeconds = body.path("tokenLifetimeSeconds").asLong(DEFAULT_TOKEN_LIFETIME_SECONDS);
        adminPassword = body.path("adminPassword").asText(ADMIN_PASSWORD);
        adminTokens.clear();
        faults.set(FaultPlan.NONE);
        logins.set(0);
        orderRequests.set(0);
        Json.send(context, 200, catalog.summary());
    }

    /** {"count": M, "late": K}: M new orders above the highest id, K late commits into gaps below it. */
    private void append(RoutingContext context) {
        JsonNode body = Json.body(context);
        int count = body.path("count").asInt(0);
        int late = body.path("late").asInt(0);
        if (count < 0 || late < 0) {
            throw new IllegalArgumentException("count and late must not be negative");
        }
        OrderCatalog next = catalog.withAppended(count);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (late > 0) {
            OrderCatalog.Late placed = next.withLateCommits(late, 100);
            next = placed.catalog();
            answer.put("lateEntityIds", placed.entityIds());
        }
        catalog = next;
        answer.put("summary", catalog.summary());
        Json.send(context, 200, answer);
    }

    private void setFaults(RoutingContext context) throws IOException {
        faults.set(Json.MAPPER.treeToValue(Json.body(context), FaultPlan.class));
        Json.send(context, 200, faults.plan());
    }

    private void stats(RoutingContext context) {
        Json.send(context, 200, Map.of("logins", logins.get(), "orderRequests", orderRequests.get(),
                "faultedRequests", faults.injected(), "pageMode", pageMode.name().toLowerCase()));
    }

    private void oneOrder(RoutingContext context) throws IOException {
        long entityId = Long.parseLong(context.pathParam("entityId"));
        int index = catalog.lowerBound(entityId);
        if (index >= catalog.size() || catalog.entityIdAt(index) != entityId) {
            Json.send(context, 404, Json.message("No order " + entityId));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            catalog.order(index).write(json);
        }
        Json.sendBytes(context, 200, out.toByteArray());
    }

}
