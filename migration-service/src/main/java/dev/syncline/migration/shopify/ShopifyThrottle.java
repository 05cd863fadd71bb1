package dev.syncline.migration.shopify;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * Shopify's leaky bucket as this app last saw it ({@code extensions.cost.throttleStatus}): before a
 * request, the points it will cost are reserved from the estimate, and the caller waits until the
 * bucket has refilled enough, so that Shopify rarely has to answer THROTTLED at all.
 */
final class ShopifyThrottle {

    private double maximum = 1000;
    private double restoreRate = 50;
    private double available = -1;
    private long at = System.nanoTime();

    /** How long to wait before sending a request of this cost; the cost is taken from the estimate. */
    synchronized Duration reserve(double cost) {
        if (available < 0) {
            return Duration.ZERO;
        }
        refill();
        available -= cost;
        if (available >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil(-available / restoreRate * 1000));
    }

    /** Shopify's own view after an answer replaces the estimate. */
    synchronized void observe(JsonNode cost) {
        JsonNode status = cost.path("throttleStatus");
        if (status.isMissingNode() || !status.has("currentlyAvailable")) {
            return;
        }
        maximum = status.path("maximumAvailable").asDouble(maximum);
        restoreRate = Math.max(1, status.path("restoreRate").asDouble(restoreRate));
        available = status.path("currentlyAvailable").asDouble();
        at = System.nanoTime();
    }

    /** After a THROTTLED answer: how long until the bucket holds {@code cost}. */
    synchronized Duration untilAvailable(double cost) {
        refill();
        return Duration.ofMillis((long) Math.ceil(Math.max(0, cost - available) / restoreRate * 1000) + 50);
    }

    synchronized double restoreRate() {
        return restoreRate;
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(maximum, available + (now - at) / 1e9 * restoreRate);
        at = now;
    }
}
