package dev.syncline.packages.bulk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The body of POST /api/crm/sync-packages; every field optional. */
public record BulkRequest(@Min(1) @Max(MAX_BATCH_SIZE) Integer batchSize, @Min(1) Integer maxProfiles,
                          Boolean onlyNewProfiles, Boolean async) {

    static final int MAX_BATCH_SIZE = 200;
    static final BulkRequest DEFAULTS = new BulkRequest(null, null, null, null);

    BulkPlan toPlan(int defaultBatchSize, boolean preferAsync) {
        return new BulkPlan(batchSize == null ? defaultBatchSize : batchSize, maxProfiles,
                Boolean.TRUE.equals(onlyNewProfiles), Boolean.TRUE.equals(async) || preferAsync);
    }

    /** A validated bulk run. */
    public record BulkPlan(int batchSize, Integer maxProfiles, boolean onlyNewProfiles, boolean async) {
        String mode() {
            return onlyNewProfiles ? "new-profiles" : "all-profiles";
        }
    }
}
