package dev.syncline.commons.trigger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** The trigger channel: which jobs a row of {@code cron_trigger} may name, and how rows are picked up. */
@ConfigMapping(prefix = "syncline.trigger-channel")
public interface TriggerChannelConfig {

    /** Off: the service neither listens nor claims (triggers wait in the table). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Job name to the path of the POST endpoint that starts it. A path may hold {@code {name}}
     * placeholders, filled from the trigger row's {@code params}.
     */
    Map<String, String> jobs();

    /** Notifications wake a replica at once; this poll catches rows inserted while it was reconnecting. */
    @WithDefault("30s")
    Duration pollInterval();

    /** A claim without an answer after this long (its replica died mid-call) is claimed again. */
    @WithDefault("15m")
    Duration reclaimAfter();

    /** How long the job's endpoint may take to answer; asynchronous endpoints answer at once. */
    @WithDefault("10m")
    Duration callTimeout();

    /**
     * A row whose params and body together are larger (as JSON text) is answered 413 without being
     * read: job bodies are a few fields, and a huge row must not exhaust a replica's memory.
     */
    @WithDefault("65536")
    int maxRequestBytes();

    /** Answered rows are kept this long for the trigger history, then deleted. */
    @WithDefault("30d")
    Duration keepAnswered();
}
