package dev.syncline.magento.sync;

import java.util.Map;

/** A validated sync: full or incremental, page size, an optional page limit (test mode: 1) and store codes. */
public record SyncPlan(boolean full, boolean testMode, int batchSize, Integer maxPages, Map<String, String> storeMapping) {

    public String mode() {
        return full ? "full" : "incremental";
    }

    static SyncPlan scheduledIncremental(SyncConfig config) {
        return SyncRequest.DEFAULTS.toPlan(config);
    }
}
