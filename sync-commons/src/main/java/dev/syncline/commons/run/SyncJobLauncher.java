package dev.syncline.commons.run;

import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.metrics.SyncMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.LongFunction;

/**
 * Runs a job as a single-flight run: takes the job's lock, opens the run in the ledger, does the
 * work, records the outcome and releases the lock. {@link #start} answers with the run id at once
 * and lets the work go on in the background; {@link #runToEnd} answers when the run has ended.
 * A trigger while the job runs anywhere fails with {@link JobAlreadyRunningException}.
 */
@ApplicationScoped
public class SyncJobLauncher {

    private final JobLock lock;
    private final SyncRunLedger ledger;
    private final SyncMetrics metrics;

    public SyncJobLauncher(JobLock lock, SyncRunLedger ledger, SyncMetrics metrics) {
        this.lock = lock;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /** @param work the run's body, given the run id; its failure ends the run as error */
    public Uni<Long> start(String job, String mode, RunTrigger trigger, LongFunction<Uni<Void>> work) {
        return open(job, mode, trigger).invoke(run -> execute(run, work).subscribe().with(
                done -> { },
                failure -> Log.debugf("Run %d of %s ended with an error: %s", run.runId(), job, failure.getMessage())))
                .map(OpenRun::runId);
    }

    /** Like {@link #start}, but answers the work's result once the run is recorded; a failed run fails the Uni. */
    public <T> Uni<RunResult<T>> runToEnd(String job, String mode, RunTrigger trigger, LongFunction<Uni<T>> work) {
        return open(job, mode, trigger)
                .chain(run -> execute(run, work).map(value -> new RunResult<>(run.runId(), value)));
    }

    /** What a run that ran to its end produced. */
    public record RunResult<T>(long runId, T value) {
    }

    private record OpenRun(String job, long runId, JobLock.Lease lease) {
    }

    private Uni<OpenRun> open(String job, String mode, RunTrigger trigger) {
        return lock.tryAcquire(job).chain(lease -> {
            if (lease.isEmpty()) {
                return ledger.runningRunId(job)
                        .chain(runId -> Uni.createFrom().failure(new JobAlreadyRunningException(job, runId)));
            }
            return ledger.open(job, mode, trigger)
                    .onFailure().call(() -> lease.get().release())
                    .invoke(runId -> Log.infof("Run %d of %s started (%s, by %s)", runId, job, mode, trigger.dbValue()))
                    .map(runId -> new OpenRun(job, runId, lease.get()));
        });
    }

    private <T> Uni<T> execute(OpenRun run, LongFunction<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> work.apply(run.runId()))
                .onItemOrFailure().transformToUni((value, failure) -> ledger.finish(run.runId(), failure)
                        .invoke(this::report)
                        .onFailure().invoke(e -> Log.errorf(e, "Run %d of %s could not be closed in the ledger",
                                run.runId(), run.job()))
                        .onTermination().call(run.lease()::release)
                        .chain(summary -> failure == null
                                ? Uni.createFrom().item(value)
                                : Uni.createFrom().<T>failure(failure)));
    }

    private void report(SyncRunLedger.RunSummary run) {
        metrics.runFinished(run);
        RunCounts c = run.counts();
        String message = String.format("Run %d of %s %s in %.1f s: %d read, %d created, %d updated, %d skipped, %d rejected",
                run.runId(), run.job(), run.status().dbValue(), run.seconds(), c.read(), c.created(), c.updated(),
                c.skipped(), c.rejected());
        if (run.status() == RunStatus.ERROR) {
            Log.warn(message);
        } else {
            Log.info(message);
        }
    }
}
