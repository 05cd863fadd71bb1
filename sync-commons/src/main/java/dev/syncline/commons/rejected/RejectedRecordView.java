package dev.syncline.commons.rejected;

import java.time.OffsetDateTime;

/** A rejected record as the API shows it. */
public record RejectedRecordView(long id, long runId, String job, String upstreamId, String reason, OffsetDateTime rejectedAt) {

    public static RejectedRecordView of(RejectedRecord record) {
        return new RejectedRecordView(record.id, record.runId, record.job, record.upstreamId, record.reason, record.rejectedAt);
    }
}
