package dev.syncline.catalog.queue;

import dev.syncline.catalog.CatalogConfig;
import dev.syncline.catalog.tenant.CronSchedules;
import dev.syncline.catalog.tenant.Tenant;
import dev.syncline.catalog.tenant.TenantStore;
import dev.syncline.commons.job.SkipWhenPaused;
import dev.syncline.commons.problem.InvalidRequestException;
import dev.syncline.commons.run.RunTrigger;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The tenants' schedules. Every minute, on every replica, each active tenant's CONFIG and
 * PRODUCT_DELTA schedule (its own, else CRON_CONFIG_SYNC / CRON_PRODUCT_SYNC) is checked against
 * the minute; a schedule that fires enqueues its job, once per fire whatever the number of
 * replicas. Schedules are read from the database each minute, so a change applies at once.
 */
@ApplicationScoped
public class ScheduleTicker {

    private final TenantStore tenants;
    private final JobQueue queue;
    private final JobWorker worker;
    private final CatalogConfig config;

    public ScheduleTicker(TenantStore tenants, JobQueue queue, JobWorker worker, CatalogConfig config) {
        this.tenants = tenants;
        this.queue = queue;
        this.worker = worker;
        this.config = config;
        try {
            CronSchedules.checked("CRON_CONFIG_SYNC", config.configSchedule());
            CronSchedules.checked("CRON_PRODUCT_SYNC", config.productSchedule());
        } catch (InvalidRequestException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Scheduled(identity = "catalog-schedules", cron = "* * * * *", skipExecutionIf = SkipWhenPaused.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick(ScheduledExecution execution) {
        return enqueueDue(execution.getScheduledFireTime().atZone(ZoneId.systemDefault()));
    }

    /** Enqueues the jobs whose schedule fires in this minute; a second call for the same minute enqueues nothing. */
    public Uni<Void> enqueueDue(ZonedDateTime at) {
        ZonedDateTime minute = at.truncatedTo(ChronoUnit.MINUTES);
        return tenants.active()
                .chain(active -> Multi.createFrom().iterable(active)
                        .onItem().transformToUniAndConcatenate(tenant -> enqueueIfDue(tenant, SyncType.CONFIG,
                                        tenant.configSchedule(), config.configSchedule(), minute)
                                .chain(() -> enqueueIfDue(tenant, SyncType.PRODUCT_DELTA, tenant.productSchedule(),
                                        config.productSchedule(), minute)))
                        .collect().last())
                .invoke(worker::wake)
                .replaceWithVoid();
    }

    private Uni<Void> enqueueIfDue(Tenant tenant, SyncType type, String own, String fallback, ZonedDateTime minute) {
        String schedule = own != null ? own : fallback;
        if (!CronSchedules.firesAt(schedule, minute)) {
            return Uni.createFrom().voidItem();
        }
        String fire = tenant.id() + ":" + type + ":" + minute.toInstant();
        return queue.enqueue(tenant.id(), type, RunTrigger.SCHEDULE, config.maxAttempts(), fire).replaceWithVoid();
    }
}
