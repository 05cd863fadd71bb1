package dev.syncline.commons.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.metrics.SyncMetrics;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One upstream system as its clients call it: every call goes through its retry, circuit breaker
 * and timeout (from {@link UpstreamSettings}), waits while the upstream asked everybody to slow
 * down (one Retry-After budget shared by all callers), and fails only with
 * {@link UpstreamRefused} or {@link UpstreamUnavailable}, whose messages say what happened in words.
 */
public final class Upstream {

    @SuppressWarnings("rawtypes")
    private static final TypeLiteral<Uni> UNI = new TypeLiteral<>() {
    };

    private final String key;
    private final String breakerName;
    private final String name;
    private final UpstreamSettings.Policy policy;
    private final SyncMetrics metrics;
    private final ObjectMapper mapper;
    private final Guard guard;
    private volatile String lastFailure;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile CircuitBreakerState breaker = CircuitBreakerState.CLOSED;

    Upstream(String key, String instance, String name, UpstreamSettings.Policy policy, SyncMetrics metrics, ObjectMapper mapper) {
        this.key = key;
        this.breakerName = "upstream-" + instance;
        this.name = name;
        this.policy = policy;
        this.metrics = metrics;
        this.mapper = mapper;
        this.guard = buildGuard();
        metrics.breaker(instance, this);
    }

    public String name() {
        return name;
    }

    /** Whether calls are paused by the circuit breaker: open, or half-open until its trial call succeeds. */
    public boolean breakerOpen() {
        return breaker != CircuitBreakerState.CLOSED;
    }

    /** Runs {@code attempt} (once per try) under the upstream's policy. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<Uni<T>> polite = () -> Uni.createFrom().deferred(() -> {
            attempts.incrementAndGet();
            return waitWhilePaused().chain(attempt::get);
        });
        Uni<T> guarded = (Uni<T>) guard.get((Supplier) polite, UNI);
        return guarded.onFailure().transform(failure -> inWords(failure, attempts.get()));
    }

    /** Counts a successful answer in the metrics. */
    public void answered(int status) {
        metrics.upstreamCall(key, status);
    }

    /**
     * Our failure for anything that went wrong in one attempt: an HTTP answer is classified by its
     * status (5xx, 408 and 429 may pass; other 4xx are refusals), anything else is a transport failure.
     */
    public RuntimeException failure(Throwable e) {
        if (e instanceof UpstreamRefused || e instanceof UpstreamUnavailable) {
            return (RuntimeException) e;
        }
        if (e instanceof WebApplicationException web) {
            Response response = web.getResponse();
            return status(response.getStatus(), response.getHeaderString("Retry-After"), messageOf(response));
        }
        return unreachable(e);
    }

    /** Our failure for an HTTP status that is not a success; 429 also pauses every caller for its Retry-After. */
    public RuntimeException status(int status, String retryAfter, String upstreamMessage) {
        metrics.upstreamCall(key, status);
        String detail = upstreamMessage == null || upstreamMessage.isBlank() ? "" : ": " + upstreamMessage;
        if (status == 429) {
            Duration wait = RetryAfter.parse(retryAfter, policy.maxRetryAfter());
            pauseFor(wait);
            return unavailable(name + " asked to slow down (HTTP 429); every call waits " + wait.toMillis() + " ms", null);
        }
        if (status >= 500 || status == 408) {
            return unavailable(name + " failed with HTTP " + status + detail, null);
        }
        return new UpstreamRefused(name + " rejected the request with HTTP " + status + detail);
    }

    /** Connection refused, reset, timed out: anything that is not an answer the upstream gave. */
    public UpstreamUnavailable unreachable(Throwable e) {
        metrics.upstreamCall(key, 0);
        Log.debugf(e, "%s could not be reached", name);
        return unavailable(name + " could not be reached: " + TransportFailure.describe(e), e);
    }

    /** An answer that arrived but cannot be read; asking again may get a whole one. */
    public UpstreamUnavailable unreadable(String what, Throwable e) {
        return unavailable(name + " sent " + what + " that cannot be read", e);
    }

    /** Every caller waits this long before its next request (an upstream's Retry-After or rate-limit decay). */
    public void pauseFor(Duration wait) {
        Instant until = Instant.now().plus(wait);
        synchronized (this) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
    }

    private Uni<Void> waitWhilePaused() {
        Duration wait = Duration.between(Instant.now(), pausedUntil);
        return wait.isNegative() || wait.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    private UpstreamUnavailable unavailable(String message, Throwable cause) {
        lastFailure = message;
        return new UpstreamUnavailable(message, cause);
    }

    private Throwable inWords(Throwable failure, int attempts) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new UpstreamUnavailable(name + " calls are paused for " + policy.breakerDelay().toSeconds()
                    + " s after repeated failures" + (lastFailure == null ? "" : "; the last was: " + lastFailure));
        }
        if (failure instanceof TimeoutException) {
            return unavailable(name + " did not answer within " + policy.timeout().toSeconds() + " s", null);
        }
        if (failure instanceof UpstreamUnavailable && attempts > 1) {
            return new UpstreamUnavailable(failure.getMessage() + "; gave up after " + attempts + " attempts", failure);
        }
        return failure;
    }

    private Guard buildGuard() {
        Guard.Builder builder = Guard.create()
                .withDescription(name)
                .withRetry()
                    .maxRetries(policy.maxRetries())
                    .delay(policy.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(policy.retryJitter().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(policy.maxRetryDuration().toMillis(), ChronoUnit.MILLIS)
                    .retryOn(UpstreamUnavailable.class)
                    .abortOn(UpstreamRefused.class)
                    .withExponentialBackoff().factor(2).maxDelay(policy.maxRetryDelay().toMillis(), ChronoUnit.MILLIS).done()
                    .done()
                .withCircuitBreaker()
                    .name(breakerName)
                    .requestVolumeThreshold(policy.breakerRequests())
                    .failureRatio(policy.breakerFailureRatio())
                    .delay(policy.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .failOn(UpstreamUnavailable.class)
                    .onStateChange(this::logBreaker)
                    .done();
        if (!policy.timeout().isZero()) {
            builder.withTimeout().duration(policy.timeout().toMillis(), ChronoUnit.MILLIS).done();
        }
        return builder.build();
    }

    private void logBreaker(CircuitBreakerState state) {
        breaker = state;
        switch (state) {
            case OPEN -> Log.warnf("Circuit breaker for %s opened: calls are paused for %d s; the last failure was: %s",
                    name, policy.breakerDelay().toSeconds(), lastFailure);
            case HALF_OPEN -> Log.infof("Circuit breaker for %s half-open: trying one call", name);
            case CLOSED -> Log.infof("Circuit breaker for %s closed: %s answers again", name, name);
        }
    }

    private String messageOf(Response response) {
        try {
            String body = response.readEntity(String.class);
            if (body == null || body.isBlank()) {
                return "";
            }
            JsonNode json = mapper.readTree(body);
            for (String field : new String[] {"message", "error", "error_description"}) {
                if (json.path(field).isTextual()) {
                    return json.path(field).asText();
                }
            }
            return "";
        } catch (Exception unreadable) {
            return "";
        }
    }
}
