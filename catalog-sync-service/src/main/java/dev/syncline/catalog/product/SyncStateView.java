package dev.syncline.catalog.product;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A tenant's SyncState as the API shows it. */
public record SyncStateView(UUID tenantId, OffsetDateTime lastWindowEnd, int pendingCount, List<PendingVariation> pendingVariations) {

    /** A variation a run could not write, and why; every delta reads it again. */
    public record PendingVariation(long variationId, String reason, OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt) {
    }
}
