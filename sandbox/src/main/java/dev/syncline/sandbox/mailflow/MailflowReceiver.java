package dev.syncline.sandbox.mailflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.sandbox.http.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mailing tool's webhook: keeps every event it receives so tests can count deliveries.
 * {@code PUT /sandbox/mailflow/faults {"failNext": N}} makes the next N deliveries fail with 503.
 */
public class MailflowReceiver {

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    public void mount(Router router) {
        router.route("/sandbox/mailflow/*").handler(BodyHandler.create());
        router.post("/sandbox/mailflow/events").handler(this::receive);
        router.get("/sandbox/mailflow/events").handler(c -> Json.send(c, 200, events));
        router.delete("/sandbox/mailflow/events").handler(c -> {
            events.clear();
            failNext.set(0);
            c.response().setStatusCode(204).end();
        });
        router.put("/sandbox/mailflow/faults").handler(c -> {
            failNext.set(Json.body(c).path("failNext").asInt(0));
            Json.send(c, 200, Map.of("failNext", failNext.get()));
        });
    }

    private void receive(RoutingContext context) {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            Json.send(context, 503, Json.message("Mailflow is temporarily unavailable"));
            return;
        }
        try {
            events.add(Json.body(context));
            context.response().setStatusCode(202).end();
        } catch (IllegalArgumentException e) {
            Json.send(context, 400, Json.message(e.getMessage()));
        }
    }
}
