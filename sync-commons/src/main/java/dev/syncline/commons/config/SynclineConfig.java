package dev.syncline.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Settings every Syncline service shares. */
@ConfigMapping(prefix = "syncline")
public interface SynclineConfig {

    /** The PostgreSQL schema this service owns; also names its advisory locks. */
    String schema();

    /** Bearer secret accepted on trigger and status endpoints; empty means OIDC only. */
    @WithName("cron-secret")
    Optional<String> cronSecret();

    /** How often a replica re-reads which jobs operators paused. */
    @WithDefault("10s")
    Duration jobPausesRefresh();

    /** How often a replica re-reads the run ledger (and its service's queues) for the metrics it exports. */
    @WithDefault("15s")
    Duration metricsRefresh();
}
