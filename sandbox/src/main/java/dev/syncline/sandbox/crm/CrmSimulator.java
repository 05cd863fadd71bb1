package dev.syncline.sandbox.crm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.sandbox.fault.FaultInjector;
import dev.syncline.sandbox.fault.FaultPlan;
import dev.syncline.sandbox.http.Control;
import dev.syncline.sandbox.http.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Supabase CRM as PostgREST serves it: {@code GET /rest/v1/<table>} with select, filters, order,
 * limit/offset or a Range header, {@code Prefer: count=exact} answered in Content-Range, the
 * server's silent row cap (1000 by default) and apikey checks. Control API under /sandbox/crm.
 */
public class CrmSimulator {

    public static final String API_KEY = "sandbox-crm-key";
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d*)");

    private final FaultInjector faults;
    private final AtomicLong requests = new AtomicLong();
    private volatile CrmData data = new CrmData(7, 0, 0);
    private volatile int maxRows = 1000;
    private volatile String apiKey = API_KEY;
    private volatile Set<String> failingCustomers = Set.of();

    public CrmSimulator(Vertx vertx) {
        this.faults = new FaultInjector(vertx);
    }

    public void mount(Router router) {
        router.get("/rest/v1/:table").handler(this::requireApiKey).handler(faults::handle).handler(this::read);

        router.route("/sandbox/crm/*").handler(BodyHandler.create());
        router.post("/sandbox/crm/reset").handler(Control.action(body -> {
            data = new CrmData(body.path("seed").asLong(7), body.path("customers").asInt(0), body.path("packages").asInt(0));
            maxRows = body.path("maxRows").asInt(1000);
            apiKey = body.path("apiKey").asText(API_KEY);
            failingCustomers = Set.of();
            faults.set(FaultPlan.NONE);
            requests.set(0);
            return stats();
        }));
        router.post("/sandbox/crm/customers").handler(Control.action(body -> Map.of("id", data.addCustomer(
                body.path("email").asText(null), body.path("phone").asText(null), body.path("name").asText(null)))));
        router.post("/sandbox/crm/packages").handler(Control.action(body -> Map.of("id",
                data.addPackage(body.path("customer_id").asText(), body.path("package_name").asText(null)))));
        router.delete("/sandbox/crm/packages/:id").handler(Control.raw(c ->
                Json.send(c, 200, Map.of("removed", data.removePackage(c.pathParam("id"))))));
        router.put("/sandbox/crm/failing-customers").handler(Control.action(body -> {
            List<String> ids = new ArrayList<>();
            body.path("ids").forEach(id -> ids.add(id.asText()));
            failingCustomers = Set.copyOf(ids);
            return Map.of("failing", ids);
        }));
        router.put("/sandbox/crm/faults").handler(Control.action(body -> {
            faults.set(Json.MAPPER.treeToValue(body, FaultPlan.class));
            return faults.plan();
        }));
        router.get("/sandbox/crm/stats").handler(c -> Json.send(c, 200, stats()));
    }

    private void requireApiKey(RoutingContext context) {
        String key = context.request().getHeader("apikey");
        if (key == null) {
            Json.send(context, 401, Map.of("message", "No API key found in request",
                    "hint", "No `apikey` request header or url param was found."));
            return;
        }
        String bearer = context.request().getHeader("Authorization");
        if (!apiKey.equals(key) || (bearer != null && !bearer.equals("Bearer " + apiKey))) {
            Json.send(context, 401, Map.of("message", "Invalid API key",
                    "hint", "Double check the provided API key as it is invalid."));
            return;
        }
        context.next();
    }

    private void read(RoutingContext context) {
        requests.incrementAndGet();
        try {
            String table = context.pathParam("table");
            PostgrestQuery query = PostgrestQuery.parse(context.queryParams(), CrmData.columns(table));
            List<Map<String, Object>> candidates = data.candidates(table, query.filters());
            failForFailingCustomers(table, context);
            List<Map<String, Object>> matching = candidates.stream()
                    .filter(row -> query.filters().stream().allMatch(f -> f.matches(row))).toList();
            if (query.order() != null) {
                matching = matching.stream().sorted(query.order()).toList();
            }
            int from = query.offset();
            Integer requestedLimit = query.limit();
            String range = context.request().getHeader("Range");
            if (range != null) {
                Matcher m = RANGE.matcher(range.trim());
                if (m.matches()) {
                    from = Integer.parseInt(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        requestedLimit = Integer.parseInt(m.group(2)) - from + 1;
                    }
                }
            }
            int limit = Math.min(requestedLimit == null ? Integer.MAX_VALUE : requestedLimit, maxRows);
            int total = matching.size();
            int to = Math.min(total, from + limit);
            List<Map<String, Object>> page = from >= total ? List.of() : matching.subList(from, to);
            boolean counted = String.valueOf(context.request().getHeader("Prefer")).contains("count=exact");
            String contentRange = (page.isEmpty() ? "*" : from + "-" + (to - 1)) + "/" + (counted ? total : "*");
            context.response().putHeader("Content-Range", contentRange);
            boolean partial = counted && page.size() < total;
            Json.send(context, partial ? 206 : 200, page.stream().map(row -> project(row, query.select())).toList());
        } catch (PostgrestException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", e.code());
            body.put("details", null);
            body.put("hint", null);
            body.put("message", e.getMessage());
            Json.send(context, e.status(), body);
        }
    }

    /** A request that touches a customer set to fail answers 500, as a CRM with a broken row would. */
    private void failForFailingCustomers(String table, RoutingContext context) {
        if (failingCustomers.isEmpty()) {
            return;
        }
        String column = table.equals("packages") ? "customer_id" : "id";
        String filter = context.queryParams().get(column);
        if (filter != null && failingCustomers.stream().anyMatch(filter::contains)) {
            throw new PostgrestException(500, "XX000", "could not read block in relation \"" + table + "\"");
        }
    }

    private static Map<String, Object> project(Map<String, Object> row, List<String> select) {
        if (select.contains("*")) {
            return row;
        }
        Map<String, Object> projected = new LinkedHashMap<>();
        select.forEach(column -> projected.put(column, row.get(column)));
        return projected;
    }

    private Map<String, Object> stats() {
        return Map.of("customers", data.customerCount(), "packages", data.packageCount(),
                "requests", requests.get(), "maxRows", maxRows);
    }

}
