package dev.syncline.packages.bulk;

import dev.syncline.commons.problem.InvalidRequestException;

/** The body of POST /api/crm/sync-packages; every field optional. */
public record BulkRequest(Integer batchSize, Integer maxProfiles, Boolean onlyNewProfiles, Boolean async) {

    static final int MAX_BATCH_SIZE = 200;

    BulkPlan toPlan(int defaultBatchSize, boolean preferAsync) {
        int size = batchSize == null ? defaultBatchSize : batchSize;
        if (size < 1 || size > MAX_BATCH_SIZE) {
            throw new InvalidRequestException("batchSize", "batchSize must be between 1 and " + MAX_BATCH_SIZE + ", was " + size);
        }
        if (maxProfiles != null && maxProfiles < 1) {
            throw new InvalidRequestException("maxProfiles", "maxProfiles must be at least 1, or null for all, was " + maxProfiles);
        }
        return new BulkPlan(size, maxProfiles, Boolean.TRUE.equals(onlyNewProfiles), Boolean.TRUE.equals(async) || preferAsync);
    }

    /** A validated bulk run. */
    public record BulkPlan(int batchSize, Integer maxProfiles, boolean onlyNewProfiles, boolean async) {
        String mode() {
            return onlyNewProfiles ? "new-profiles" : "all-profiles";
        }
    }
}
