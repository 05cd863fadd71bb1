package dev.syncline.erp.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The original endpoints' answer, plus the rejected count and the run id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraderSyncResult(boolean success, long total, long processed, long created, long updated, long skipped,
                               long rejected, String message, @JsonProperty("window_start") String windowStart,
                               String at, String timestamp, Long runId) {

    TraderSyncResult withRunId(long id) {
        return new TraderSyncResult(success, total, processed, created, updated, skipped, rejected, message,
                windowStart, at, timestamp, id);
    }
}
