package dev.syncline.sandbox.fault;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an upstream should do wrong, set through the control API. Rates are shares of requests
 * (0 to 1); {@code failFromRequest} makes every request from that number on (1-based) fail with 500.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaultPlan(long latencyMs, double errorRate, double throttleRate, int retryAfterSeconds,
                        double timeoutRate, long timeoutMs, double malformedRate, long failFromRequest, long seed) {

    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 1, 0, 30_000, 0, 0, 42);

    public FaultPlan {
        requireShare("errorRate", errorRate);
        requireShare("throttleRate", throttleRate);
        requireShare("timeoutRate", timeoutRate);
        requireShare("malformedRate", malformedRate);
        if (latencyMs < 0 || timeoutMs < 0 || failFromRequest < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("latencyMs, timeoutMs, retryAfterSeconds and failFromRequest must not be negative");
        }
        if (retryAfterSeconds == 0) {
            retryAfterSeconds = 1;
        }
        if (timeoutMs == 0) {
            timeoutMs = 30_000;
        }
    }

    private static void requireShare(String name, double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
