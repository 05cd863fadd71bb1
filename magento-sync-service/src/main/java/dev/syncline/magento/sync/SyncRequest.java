package dev.syncline.magento.sync;

import dev.syncline.commons.problem.InvalidRequestException;

import java.util.HashMap;
import java.util.Map;

/** The body of POST /api/admin/mailing/sync-customers; every field optional. */
public record SyncRequest(Boolean fullSync, Boolean testMode, Integer batchSize, Integer maxPages,
                          Map<String, String> storeMapping) {

    static final int MAX_BATCH_SIZE = 300;

    public SyncPlan toPlan(SyncConfig config) {
        int size = batchSize == null ? config.defaultBatchSize() : batchSize;
        if (size < 1 || size > MAX_BATCH_SIZE) {
            throw new InvalidRequestException("batchSize",
                    "batchSize must be between 1 and " + MAX_BATCH_SIZE + " (Magento's largest page), was " + size);
        }
        if (maxPages != null && maxPages < 1) {
            throw new InvalidRequestException("maxPages", "maxPages must be at least 1, or null for all pages, was " + maxPages);
        }
        Map<String, String> stores = new HashMap<>(config.storeMapping());
        if (storeMapping != null) {
            storeMapping.forEach((storeId, code) -> {
                if (!storeId.trim().matches("\\d+")) {
                    throw new InvalidRequestException("storeMapping." + storeId,
                            "storeMapping keys must be Magento store ids (whole numbers), was '" + storeId + "'");
                }
                if (code == null || code.isBlank()) {
                    throw new InvalidRequestException("storeMapping." + storeId, "store code for store " + storeId + " must not be empty");
                }
                stores.put(storeId.trim(), code.trim());
            });
        }
        boolean test = Boolean.TRUE.equals(testMode);
        Integer pageLimit = test ? Integer.valueOf(1) : maxPages;
        return new SyncPlan(Boolean.TRUE.equals(fullSync), test, size, pageLimit, Map.copyOf(stores));
    }
}
