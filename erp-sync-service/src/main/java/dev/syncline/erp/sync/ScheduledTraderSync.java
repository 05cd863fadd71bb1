package dev.syncline.erp.sync;

import dev.syncline.commons.job.SkipWhenPaused;
import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.erp.trader.TraderKind;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The delta syncs every 10 minutes and the nightly full reconciliation; each schedule can be "off". */
@ApplicationScoped
public class ScheduledTraderSync {

    private final TraderSyncJob job;

    public ScheduledTraderSync(TraderSyncJob job) {
        this.job = job;
    }

    @Scheduled(identity = "erp-customers-sync", cron = "${erp.sync.customers-schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SkipWhenPaused.class)
    Uni<Void> customers() {
        return run(TraderKind.CUSTOMER, false);
    }

    @Scheduled(identity = "erp-suppliers-sync", cron = "${erp.sync.suppliers-schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SkipWhenPaused.class)
    Uni<Void> suppliers() {
        return run(TraderKind.SUPPLIER, false);
    }

    @Scheduled(identity = "erp-full-reconciliation", cron = "${erp.sync.reconcile-schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SkipWhenPaused.class)
    Uni<Void> reconcile() {
        return run(TraderKind.CUSTOMER, true).chain(() -> run(TraderKind.SUPPLIER, true));
    }

    /** A failure is in the run ledger and the log already; the schedule just goes on. */
    private Uni<Void> run(TraderKind kind, boolean full) {
        Log.infof("Running %s sync (%s)...", kind.plural(), full ? "full reconciliation" : "delta");
        return job.start(kind, full, RunTrigger.SCHEDULE)
                .chain(run -> run.result().replaceWithVoid())
                .onFailure(JobAlreadyRunningException.class).recoverWithItem(busy -> {
                    Log.infof("Scheduled %s sync skipped: %s", kind.plural(), busy.getMessage());
                    return null;
                })
                .onFailure().recoverWithNull();
    }
}
