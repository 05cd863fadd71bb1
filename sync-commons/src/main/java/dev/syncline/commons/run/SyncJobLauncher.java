package dev.syncline.commons.run;

import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.metrics.SyncMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.LongFunction;

/**
 * Starts a job as a single-flight run: takes the job's lock, opens the run in the ledger, answers
 * with the run id and lets the work go on in the background until it ends, then records the
 * outcome and releases the lock. A trigger while the job runs anywhere fails with
 * {@link JobAlreadyRunningException}.
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
        return lock.tryAcquire(job).chain(lease -> {
            if (lease.isEmpty()) {
                return ledger.runningRunId(job)
                        .chain(runId -> Uni.createFrom().failure(new JobAlreadyRunningException(job, runId)));
            }
            return ledger.open(job, mode, trigger)
                    .onFailure().call(() -> lease.get().release())
                    .invoke(runId -> runInBackground(job, mode, trigger, runId, lease.get(), work));
        });
    }

    private void runInBackground(String job, String mode, RunTrigger trigger, long runId, JobLock.Lease lease,
                                 LongFunction<Uni<Void>> work) {
        Log.infof("Run %d of %s started (%s, by %s)", runId, job, mode, trigger.dbValue());
        Uni.createFrom().deferred(() -> work.apply(runId))
                .onItemOrFailure().transformToUni((ignored, failure) -> ledger.finish(runId, failure))
                .invoke(this::report)
                .onTermination().call(lease::release)
                .subscribe().with(
                        summary -> { },
                        failure -> Log.errorf(failure, "Run %d of %s could not be closed in the ledger", runId, job));
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
