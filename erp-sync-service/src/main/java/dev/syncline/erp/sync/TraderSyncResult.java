package dev.syncline.erp.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.syncline.commons.run.RunCounts;

import java.time.Instant;

/** The original endpoints' answer, plus the rejected count and the run id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraderSyncResult(boolean success, long total, long processed, long created, long updated, long skipped,
                               long rejected, String message, @JsonProperty("window_start") String windowStart,
                               String at, String timestamp, long runId) {

    /** The answer while the run goes on: only its id, and "started". */
    static TraderSyncResult started(long runId) {
        return new TraderSyncResult(true, 0, 0, 0, 0, 0, 0, "started", null, null, Instant.now().toString(), runId);
    }

    static TraderSyncResult of(long runId, WindowOutcome outcome) {
        RunCounts c = outcome.counts();
        String message = c.read() == 0 ? "No new or updated " + outcome.kind().plural() + " to sync" : null;
        return new TraderSyncResult(true, c.read(), c.read(), c.created(), c.updated(), c.skipped(), c.rejected(),
                message, outcome.windowStart(), outcome.at(), Instant.now().toString(), runId);
    }
}
