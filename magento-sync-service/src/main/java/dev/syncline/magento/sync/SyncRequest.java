package dev.syncline.magento.sync;

import dev.syncline.commons.problem.InvalidRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.HashMap;
import java.util.Map;

/** The body of POST /api/admin/mailing/sync-customers; every field optional. */
public record SyncRequest(Boolean fullSync, Boolean testMode,
                          @Min(1) @Max(MAX_BATCH_SIZE) Integer batchSize,
                          @Min(1) Integer maxPages,
                          Map<String, String> storeMapping,
                          @Min(1) @Max(MAX_READERS) Integer readers) {

    /** Magento's largest page when its input limits are on. */
    static final int MAX_BATCH_SIZE = 300;
    static final int MAX_READERS = 16;
    static final SyncRequest DEFAULTS = new SyncRequest(null, null, null, null, null, null);

    public SyncPlan toPlan(SyncConfig config) {
        int size = batchSize == null ? config.defaultBatchSize() : batchSize;
        Map<String, String> stores = new HashMap<>(config.storeMapping());
        if (storeMapping != null) {
            storeMapping.forEach((storeId, code) -> stores.put(checkedStoreId(storeId), checkedCode(storeId, code)));
        }
        boolean test = Boolean.TRUE.equals(testMode);
        Integer pageLimit = test ? Integer.valueOf(1) : maxPages;
        int readerCount = readers == null ? config.readers() : readers;
        return new SyncPlan(Boolean.TRUE.equals(fullSync), test, size, pageLimit, Map.copyOf(stores), readerCount);
    }

    private static String checkedStoreId(String storeId) {
        if (!storeId.trim().matches("\\d{1,9}")) {
            throw new InvalidRequestException("storeMapping." + storeId,
                    "storeMapping keys must be Magento store ids (whole numbers), was '" + storeId + "'");
        }
        return storeId.trim();
    }

    private static String checkedCode(String storeId, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidRequestException("storeMapping." + storeId, "store code for store " + storeId + " must not be empty");
        }
        return code.trim();
    }
}
