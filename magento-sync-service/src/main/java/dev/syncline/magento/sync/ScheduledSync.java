package dev.syncline.magento.sync;

import dev.syncline.commons.job.SkipWhenPaused;
import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.run.RunTrigger;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The daily incremental sync (magento.sync.schedule, MAGENTO_SYNC_CRON; "off" disables it). */
@ApplicationScoped
public class ScheduledSync {

    private final ConsumerSyncJob job;
    private final SyncConfig config;

    public ScheduledSync(ConsumerSyncJob job, SyncConfig config) {
        this.job = job;
        this.config = config;
    }

    @Scheduled(identity = "magento-incremental-sync", cron = "${magento.sync.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SkipWhenPaused.class)
    Uni<Void> incremental() {
        return job.start(SyncPlan.scheduledIncremental(config), RunTrigger.SCHEDULE)
                .replaceWithVoid()
                .onFailure(JobAlreadyRunningException.class).recoverWithItem(busy -> {
                    Log.infof("Scheduled sync skipped: %s", busy.getMessage());
                    return null;
                });
    }
}
