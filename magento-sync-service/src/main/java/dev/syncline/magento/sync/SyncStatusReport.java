package dev.syncline.magento.sync;

import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.run.SyncRun;
import dev.syncline.commons.run.SyncRunRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The original status answer, computed from the run ledger (what ran, how far, how it ended) and
 * the watermark (how far the data is), so every replica answers the same and nothing is stored twice.
 */
@ApplicationScoped
public class SyncStatusReport {

    private final JobLock lock;
    private final SyncRunRepository runs;
    private final WatermarkStore watermarks;

    public SyncStatusReport(JobLock lock, SyncRunRepository runs, WatermarkStore watermarks) {
        this.lock = lock;
        this.runs = runs;
        this.watermarks = watermarks;
    }

    public Uni<SyncState> current() {
        return runs.latest(ConsumerSyncJob.JOB)
                .chain(latest -> lock.isHeld(ConsumerSyncJob.JOB)
                        .chain(running -> mode("full").chain(full -> mode("incremental")
                                .map(incremental -> new SyncState(true, new SyncState.Data(running, Progress.of(latest),
                                        LastRun.of(latest), List.of(full, incremental)))))));
    }

    private Uni<ModeStatus> mode(String syncType) {
        return runs.latest(ConsumerSyncJob.JOB, syncType)
                .chain(run -> watermarks.of(syncType).map(mark -> ModeStatus.of(mark, run)));
    }

    public record SyncState(boolean success, Data data) {
        public record Data(boolean isRunning, Progress progress, LastRun lastRun, List<ModeStatus> dbSyncStatus) {
        }
    }

    /** The latest run's counters: total is what Magento announced, errors the rejected orders. */
    public record Progress(long total, long processed, long created, long errors) {
        static Progress of(SyncRun run) {
            if (run == null) {
                return new Progress(0, 0, 0, 0);
            }
            long total = run.recordsTotal == null ? run.recordsRead : Math.max(run.recordsTotal, run.recordsRead);
            return new Progress(total, run.recordsRead, run.recordsCreated, run.recordsRejected);
        }
    }

    public record LastRun(long id, String mode, String trigger, String status, OffsetDateTime startedAt,
                          OffsetDateTime finishedAt, String error) {
        static LastRun of(SyncRun run) {
            return run == null ? null : new LastRun(run.id, run.mode, run.trigger, run.status, run.startedAt,
                    run.finishedAt, run.errorMessage);
        }
    }

    /**
     * The original per-type status row: the watermark of the type, and its latest run's outcome
     * ({@code running}, {@code error}, or {@code stopped} once it ended otherwise).
     */
    public record ModeStatus(String syncType, Long lastEntityId, OffsetDateTime lastSyncAt, String status,
                             long totalProcessed, long totalCreated, long totalErrors, String lastError) {
        static ModeStatus of(WatermarkStore.Watermark mark, SyncRun run) {
            if (run == null) {
                return new ModeStatus(mark.syncType(), mark.lastEntityId(), mark.lastSyncAt(), "stopped", 0, 0, 0, null);
            }
            String status = run.isRunning() ? "running" : "error".equals(run.status) ? "error" : "stopped";
            return new ModeStatus(mark.syncType(), mark.lastEntityId(), mark.lastSyncAt(), status, run.recordsRead,
                    run.recordsCreated, run.recordsRejected, run.errorMessage);
        }
    }
}
