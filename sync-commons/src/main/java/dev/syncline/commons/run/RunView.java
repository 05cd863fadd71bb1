package dev.syncline.commons.run;

import java.time.OffsetDateTime;
import java.util.Map;

/** A run as the API shows it. */
public record RunView(long id, String job, String mode, String trigger, String status, OffsetDateTime startedAt,
                      OffsetDateTime finishedAt, Long recordsTotal, long recordsRead, long recordsCreated,
                      long recordsUpdated, long recordsSkipped, long recordsRejected, Map<String, Long> counters,
                      String errorMessage) {

    public static RunView of(SyncRun run) {
        return new RunView(run.id, run.job, run.mode, run.trigger, run.status, run.startedAt, run.finishedAt,
                run.recordsTotal, run.recordsRead, run.recordsCreated, run.recordsUpdated, run.recordsSkipped,
                run.recordsRejected, run.counters == null ? Map.of() : Map.copyOf(run.counters), run.errorMessage);
    }
}
