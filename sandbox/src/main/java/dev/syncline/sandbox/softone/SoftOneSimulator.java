package dev.syncline.sandbox.softone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.sandbox.fault.FaultInjector;
import dev.syncline.sandbox.fault.FaultPlan;
import dev.syncline.sandbox.http.Control;
import dev.syncline.sandbox.http.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A SoftOne installation's custom web services for traders: {@code getCustomers} and
 * {@code getSuppliers} take {username, password, company, window_start} and answer the rows changed
 * since window_start (all rows without one) in Windows-1253 bytes, whatever the Content-Type says.
 * Errors come in-band: HTTP 200 with success false. A control API under /sandbox/softone changes
 * records, moves the ERP clock and injects faults.
 */
public class SoftOneSimulator {

    public static final String USERNAME = "sandbox-erp";
    public static final String PASSWORD = "sandbox-erp-password";
    public static final String COMPANY = "1000";
    static final Charset WINDOWS_1253 = Charset.forName("windows-1253");
    static final long DEFAULT_SEED = 1253L;

    private final FaultInjector faults;
    private final SoftOneClock clock = new SoftOneClock();
    private final AtomicLong calls = new AtomicLong();
    private volatile TraderBook customers;
    private volatile TraderBook suppliers;
    private volatile String contentType = "application/json; charset=utf-8";
    private volatile InbandError inbandError = InbandError.NONE;
    private volatile String lastWindowStart;

    record InbandError(int remaining, int errorcode, String message) {
        static final InbandError NONE = new InbandError(0, 0, null);
    }

    public SoftOneSimulator(Vertx vertx) {
        this.faults = new FaultInjector(vertx);
        reset(DEFAULT_SEED, 0, 0);
    }

    public void mount(Router router) {
        router.post("/s1services/JS/:package/:function").handler(BodyHandler.create())
                .handler(faults::handle).handler(this::service);

        router.route("/sandbox/softone/*").handler(BodyHandler.create());
        router.post("/sandbox/softone/reset").handler(Control.action(this::resetFromRequest));
        router.post("/sandbox/softone/changes").handler(Control.action(this::changes));
        router.post("/sandbox/softone/clock").handler(Control.action(body -> {
            clock.advance(Duration.ofMinutes(body.path("advanceMinutes").asLong(0)));
            return Map.of("now", SoftOneClock.FORMAT.format(clock.now()));
        }));
        router.put("/sandbox/softone/inband-error").handler(Control.action(body -> {
            inbandError = new InbandError(body.path("count").asInt(1), body.path("errorcode").asInt(-1),
                    body.path("message").asText("Σφάλμα διακομιστή"));
            return Map.of("count", inbandError.remaining());
        }));
        router.put("/sandbox/softone/faults").handler(Control.action(body -> {
            faults.set(Json.MAPPER.treeToValue(body, FaultPlan.class));
            return faults.plan();
        }));
        router.get("/sandbox/softone/stats").handler(c -> Json.send(c, 200, stats()));
    }

    private void service(RoutingContext context) {
        calls.incrementAndGet();
        String function = context.pathParam("function");
        TraderBook book = switch (function) {
            case "getCustomers" -> customers;
            case "getSuppliers" -> suppliers;
            default -> null;
        };
        JsonNode body;
        try {
            body = Json.body(context);
        } catch (IllegalArgumentException e) {
            answer(context, error(-1, "Μη έγκυρο αίτημα: " + e.getMessage()));
            return;
        }
        if (book == null) {
            answer(context, error(-3, "Η υπηρεσία " + function + " δεν υπάρχει"));
            return;
        }
        if (!USERNAME.equals(body.path("username").asText()) || !PASSWORD.equals(body.path("password").asText())) {
            answer(context, error(-101, "Λάθος όνομα χρήστη ή κωδικός πρόσβασης"));
            return;
        }
        if (!COMPANY.equals(body.path("company").asText())) {
            answer(context, error(-2, "Η εταιρεία " + body.path("company").asText() + " δεν υπάρχει"));
            return;
        }
        InbandError pending = inbandError;
        if (pending.remaining() > 0) {
            inbandError = new InbandError(pending.remaining() - 1, pending.errorcode(), pending.message());
            answer(context, error(pending.errorcode(), pending.message()));
            return;
        }
        LocalDateTime windowStart;
        try {
            String asked = body.path("window_start").asText(null);
            lastWindowStart = asked;
            windowStart = asked == null || asked.isBlank() ? null : LocalDateTime.parse(asked.trim(), SoftOneClock.FORMAT);
        } catch (DateTimeParseException e) {
            answer(context, error(-4, "Μη έγκυρη ημερομηνία window_start: " + body.path("window_start").asText()));
            return;
        }
        List<Map<String, Object>> rows = book.changedSince(windowStart);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", true);
        envelope.put("code", 200);
        envelope.put("message", "OK");
        envelope.put("at", SoftOneClock.FORMAT.format(clock.now()));
        envelope.put("window_start", windowStart == null ? null : SoftOneClock.FORMAT.format(windowStart));
        envelope.put("total", rows.size());
        envelope.put("result", rows);
        answer(context, envelope);
    }

    private static Map<String, Object> error(int errorcode, String message) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("success", false);
        envelope.put("code", 200);
        envelope.put("errorcode", errorcode);
        envelope.put("error", message);
        return envelope;
    }

    /** Windows-1253 bytes under whatever Content-Type the installation claims (by default, wrongly, UTF-8). */
    private void answer(RoutingContext context, Map<String, Object> envelope) {
        try {
            byte[] json = Json.MAPPER.writeValueAsString(envelope).getBytes(WINDOWS_1253);
            if (Boolean.TRUE.equals(context.get(FaultInjector.MALFORMED))) {
                json = java.util.Arrays.copyOf(json, json.length / 2);
            }
            if (contentType != null) {
                context.response().putHeader("Content-Type", contentType);
            }
            context.response().setStatusCode(200).end(Buffer.buffer(json));
        } catch (IOException e) {
            context.fail(e);
        }
    }

    /** {"customers": N, "suppliers": M, "seed": S, "contentType": "…" or null}: a fresh ERP. */
    private Object resetFromRequest(JsonNode body) {
        reset(body.path("seed").asLong(DEFAULT_SEED), body.path("customers").asInt(0), body.path("suppliers").asInt(0));
        if (body.has("contentType")) {
            contentType = body.get("contentType").isNull() ? null : body.get("contentType").asText();
        }
        return stats();
    }

    private void reset(long seed, int customerCount, int supplierCount) {
        if (customerCount < 0 || supplierCount < 0 || customerCount + supplierCount > 1_000_000) {
            throw new IllegalArgumentException("customers and suppliers must be between 0 and 1000000");
        }
        clock.reset();
        customers = new TraderBook(seed, 13, customerCount, clock.now());
        suppliers = new TraderBook(seed, 12, supplierCount, clock.now());
        contentType = "application/json; charset=utf-8";
        inbandError = InbandError.NONE;
        faults.set(FaultPlan.NONE);
        calls.set(0);
        lastWindowStart = null;
    }

    /** {"entity": "customers|suppliers", "changed": K, "created": J, "reuseAfmOf": TRDR, "broken": B}, at the ERP's now. */
    private Object changes(JsonNode body) {
        TraderBook book = switch (body.path("entity").asText("customers")) {
            case "customers" -> customers;
            case "suppliers" -> suppliers;
            default -> throw new IllegalArgumentException("entity must be customers or suppliers");
        };
        LocalDateTime now = clock.now();
        List<Long> changed = book.change(body.path("changed").asInt(0), now);
        Long reuse = body.hasNonNull("reuseAfmOf") ? body.get("reuseAfmOf").asLong() : null;
        List<Long> created = book.create(body.path("created").asInt(0), now, reuse);
        book.addBrokenRows(body.path("broken").asInt(0), now);
        return Map.of("changed", changed, "created", created, "at", SoftOneClock.FORMAT.format(now));
    }

    private Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("customers", customers.size());
        stats.put("suppliers", suppliers.size());
        stats.put("calls", calls.get());
        stats.put("lastWindowStart", lastWindowStart);
        stats.put("now", SoftOneClock.FORMAT.format(clock.now()));
        return stats;
    }

}
