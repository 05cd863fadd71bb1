package dev.syncline.commons.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;

/**
 * How politely and how persistently each upstream is called: {@code syncline.upstream.<key>.*},
 * e.g. {@code syncline.upstream.magento.max-retries=8}. Every upstream gets these defaults; a
 * service overrides what its upstream needs in its application.properties, the one place for it.
 */
@ConfigMapping(prefix = "syncline.upstream")
public interface UpstreamSettings {

    @WithParentName
    @WithDefaults
    Map<String, Policy> policies();

    interface Policy {

        /** Retries after the first attempt, for failures that may pass (5xx, 429, timeouts, broken answers). */
        @WithDefault("4")
        int maxRetries();

        /** Wait before the first retry; it doubles per retry up to {@link #maxRetryDelay()}. */
        @WithDefault("250ms")
        Duration retryDelay();

        @WithDefault("20s")
        Duration maxRetryDelay();

        /** Random spread added to each wait, so replicas do not retry in lockstep. */
        @WithDefault("200ms")
        Duration retryJitter();

        /** All retries of one call together stop after this long. */
        @WithDefault("10m")
        Duration maxRetryDuration();

        /** Calls the circuit breaker looks at before it may open. */
        @WithDefault("20")
        int breakerRequests();

        /** Share of failed calls among them that opens the breaker. */
        @WithDefault("0.8")
        double breakerFailureRatio();

        /** How long an open breaker refuses calls before it lets one through to try again. */
        @WithDefault("30s")
        Duration breakerDelay();

        /** The longest one attempt may take; 0 for calls that stream large answers (an idle timeout guards those). */
        @WithDefault("120s")
        Duration timeout();

        /** The longest Retry-After honoured; a longer one is capped so a run never sleeps for hours. */
        @WithDefault("60s")
        Duration maxRetryAfter();
    }
}
