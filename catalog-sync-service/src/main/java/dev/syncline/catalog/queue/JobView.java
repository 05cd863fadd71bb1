package dev.syncline.catalog.queue;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A job as the API shows it: its state in the queue, and its last run's counts from the ledger. */
public record JobView(long id, UUID tenantId, SyncType type, String status, String trigger, int attempts, int maxAttempts,
                      OffsetDateTime createdAt, OffsetDateTime runAfter, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                      Double durationSeconds, String error, Long runId, Counts counts) {

    /**
     * Variations (or config entries) read, written and rejected, Shopware products sent, products
     * deactivated or deleted because Plenty no longer has their variations, image files uploaded,
     * image media removed because Plenty deleted the image, and taxes created because the shop had
     * none of a VAT rate, by the last run.
     */
    public record Counts(long read, long written, long rejected, long products, long deactivated, long deleted,
                         long imagesUploaded, long imagesRemoved, long taxesCreated) {
    }
}
