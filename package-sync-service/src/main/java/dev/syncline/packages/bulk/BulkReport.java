package dev.syncline.packages.bulk;

import dev.syncline.commons.rejected.RejectedRecordRepository;
import dev.syncline.commons.run.SyncRun;
import dev.syncline.commons.run.SyncRunRepository;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** A bulk run as the original endpoint reported it, computed from the run ledger and the run's rejected profiles. */
@ApplicationScoped
public class BulkReport {

    static final int MAX_ERRORS = 100;

    private final SyncRunRepository runs;
    private final RejectedRecordRepository rejected;

    public BulkReport(SyncRunRepository runs, RejectedRecordRepository rejected) {
        this.runs = runs;
        this.rejected = rejected;
    }

    /** Also a failed run's problem member, which no signature names: registered for reflection. */
    @RegisterForReflection
    public record Result(long totalProfiles, long successfulProfiles, long failedProfiles, long totalPackages,
                         List<String> errors, String duration) {
    }

    public record Run(long runId, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, String error,
                      Result result) {
    }

    public Uni<Run> of(long runId) {
        return runs.one(runId).chain(this::withErrors);
    }

    public Uni<Run> latest() {
        return runs.latest(BulkPackageSyncJob.JOB).chain(this::withErrors);
    }

    private Uni<Run> withErrors(SyncRun run) {
        if (run == null) {
            return Uni.createFrom().nullItem();
        }
        return rejected.ofRun(run.id, MAX_ERRORS).map(records -> {
            long seconds = Duration.between(run.startedAt, run.finishedAt == null ? OffsetDateTime.now() : run.finishedAt)
                    .toSeconds();
            Result result = new Result(run.recordsTotal == null ? 0 : run.recordsTotal, run.recordsUpdated,
                    run.recordsRejected, run.counter(BulkPackageSyncJob.PACKAGES),
                    records.stream().map(record -> record.reason).toList(), seconds + "s");
            return new Run(run.id, run.status, run.startedAt, run.finishedAt, run.errorMessage, result);
        });
    }
}
