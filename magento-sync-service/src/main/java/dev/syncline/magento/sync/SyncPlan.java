package dev.syncline.magento.sync;

import java.util.Map;

/**
 * A validated sync: full or incremental, page size, an optional page limit (test mode: 1), store
 * codes, and how many entity-id ranges are read at once (1: one keyset stream, as before).
 */
public record SyncPlan(boolean full, boolean testMode, int batchSize, Integer maxPages, Map<String, String> storeMapping,
                       int readers) {

    public String mode() {
        return full ? "full" : "incremental";
    }

    /** Ranges need a whole run: a page limit reads one stream. */
    boolean inRanges() {
        return readers > 1 && maxPages == null;
    }

    static SyncPlan scheduledIncremental(SyncConfig config) {
        return SyncRequest.DEFAULTS.toPlan(config);
    }
}
