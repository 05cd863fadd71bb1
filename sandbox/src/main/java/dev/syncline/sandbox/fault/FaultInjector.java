package dev.syncline.sandbox.fault;

import dev.syncline.sandbox.http.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Route handler in front of an upstream's data endpoints: counts requests and applies the current
 * {@link FaultPlan}. Decisions come from a seeded random, so a plan misbehaves the same way each run.
 */
public class FaultInjector {

    /** Set on the routing context when the data handler should answer with a broken body. */
    public static final String MALFORMED = "sandbox.malformed";

    private final Vertx vertx;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();
    private volatile FaultPlan plan = FaultPlan.NONE;
    private volatile Random random = new Random(FaultPlan.NONE.seed());

    public FaultInjector(Vertx vertx) {
        this.vertx = vertx;
    }

    public synchronized void set(FaultPlan newPlan) {
        plan = newPlan;
        random = new Random(newPlan.seed());
        requests.set(0);
        injected.set(0);
    }

    public FaultPlan plan() {
        return plan;
    }

    public long requests() {
        return requests.get();
    }

    public long injected() {
        return injected.get();
    }

    public void handle(RoutingContext context) {
        FaultPlan current = plan;
        long number = requests.incrementAndGet();
        if (current.failFromRequest() > 0 && number >= current.failFromRequest()) {
            fail(context, 500, "Internal Error. Details are available in Magento log file.");
            return;
        }
        double roll;
        synchronized (this) {
            roll = random.nextDouble();
        }
        double edge = current.errorRate();
        if (roll < edge) {
            fail(context, 500, "Internal Error. Details are available in Magento log file.");
            return;
        }
        edge += current.throttleRate();
        if (roll < edge) {
            injected.incrementAndGet();
            context.response().putHeader("Retry-After", Integer.toString(current.retryAfterSeconds()));
            Json.send(context, 429, Json.message("Too Many Requests"));
            return;
        }
        edge += current.timeoutRate();
        if (roll < edge) {
            injected.incrementAndGet();
            vertx.setTimer(current.timeoutMs(), id -> proceed(context, current));
            return;
        }
        edge += current.malformedRate();
        if (roll < edge) {
            injected.incrementAndGet();
            context.put(MALFORMED, Boolean.TRUE);
        }
        proceed(context, current);
    }

    private void proceed(RoutingContext context, FaultPlan current) {
        if (context.response().closed()) {
            return;
        }
        if (current.latencyMs() > 0) {
            vertx.setTimer(current.latencyMs(), id -> context.next());
        } else {
            context.next();
        }
    }

    private void fail(RoutingContext context, int status, String message) {
        injected.incrementAndGet();
        Json.send(context, status, Json.message(message));
    }
}
