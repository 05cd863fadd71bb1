package dev.syncline.catalog.queue;

import dev.syncline.catalog.CatalogConfig;
import dev.syncline.catalog.config.ConfigSyncJob;
import dev.syncline.catalog.plenty.PlentyClients;
import dev.syncline.catalog.product.ProductSyncJob;
import dev.syncline.catalog.queue.JobQueue.ClaimedJob;
import dev.syncline.catalog.tenant.Tenant;
import dev.syncline.catalog.tenant.TenantStore;
import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.queue.ClaimingDispatcher;
import dev.syncline.commons.run.ActiveRun;
import dev.syncline.commons.run.FailureMessage;
import dev.syncline.commons.run.RunRequest;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.commons.upstream.UpstreamRefused;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's workers: claims due jobs (at most CATALOG_WORKERS at once) and runs each as a
 * single-flight run of its tenant and type, beating its heartbeat meanwhile. A run that fails is
 * queued again after a doubling wait (capped), or dead when it was refused, needs a CONFIG sync
 * first, or used its attempts. Every replica also rescues jobs whose worker died.
 */
@ApplicationScoped
public class JobWorker {

    /** When another run holds the job's lock, the job is claimed again after this. */
    static final Duration LOCKED_ELSEWHERE = Duration.ofSeconds(5);

    private final JobQueue queue;
    private final TenantStore tenants;
    private final SyncJobLauncher launcher;
    private final ConfigSyncJob configJob;
    private final ProductSyncJob productJob;
    private final PlentyClients plentyClients;
    private final CatalogConfig config;
    private final String worker = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ClaimingDispatcher<ClaimedJob> dispatcher;

    public JobWorker(JobQueue queue, TenantStore tenants, SyncJobLauncher launcher, ConfigSyncJob configJob,
                     ProductSyncJob productJob, PlentyClients plentyClients, CatalogConfig config) {
        this.queue = queue;
        this.tenants = tenants;
        this.launcher = launcher;
        this.configJob = configJob;
        this.productJob = productJob;
        this.plentyClients = plentyClients;
        this.config = config;
        this.dispatcher = new ClaimingDispatcher<>("catalog jobs", config.workers(), room -> queue.claim(room, worker), this::execute);
    }

    /** A job was enqueued here: start it now if a worker is free. */
    public void wake() {
        dispatcher.wake();
    }

    void onStart(@Observes StartupEvent start) {
        Log.infof("Catalog job workers started as %s (%d at once)", worker, config.workers());
        dispatcher.wake();
    }

    @Scheduled(identity = "internal-catalog-job-poll", every = "1s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatcher.wake();
    }

    @Scheduled(identity = "internal-catalog-job-heartbeat", every = "${catalog.heartbeat:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        return queue.heartbeat(List.copyOf(running), worker);
    }

    @Scheduled(identity = "internal-catalog-job-rescue", every = "${catalog.heartbeat:10s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> rescue() {
        return queue.rescue(config.jobLease()).invoke(rescued -> {
            if (rescued > 0) {
                Log.warnf("Queued %d job(s) again whose worker stopped before they ended", rescued);
                dispatcher.wake();
            }
        }).replaceWithVoid();
    }

    private Uni<Void> execute(ClaimedJob job) {
        running.add(job.id());
        return tenants.find(job.tenantId())
                .chain(tenant -> tenant.isPresent() ? runAndRecord(job, tenant.get())
                        : queue.failed(job.id(), worker, "The tenant was deleted", false, Duration.ZERO))
                .onTermination().invoke(() -> running.remove(job.id()));
    }

    private Uni<Void> runAndRecord(ClaimedJob job, Tenant tenant) {
        Log.infof("Job %d: %s of tenant %s, attempt %d of %d", job.id(), job.type(), tenant.id(), job.attempts(), job.maxAttempts());
        return launcher.start(new RunRequest(job.type().jobOf(tenant.id()), job.type().name(), job.trigger(), tenant.id().toString()), run -> sync(run, tenant, job.type()))
                .call(handle -> queue.attachRun(job.id(), worker, handle.runId()))
                .chain(handle -> handle.result())
                .chain(() -> queue.finished(job.id(), worker))
                .onFailure(JobAlreadyRunningException.class).recoverWithUni(busy -> queue.postpone(job.id(), worker, LOCKED_ELSEWHERE))
                .onFailure().recoverWithUni(failure -> {
                    boolean retryable = retryable(failure) && job.attempts() < job.maxAttempts();
                    Log.warnf("Job %d failed (attempt %d of %d%s): %s", job.id(), job.attempts(), job.maxAttempts(),
                            retryable ? ", tried again" : ", dead", FailureMessage.of(failure));
                    return queue.failed(job.id(), worker, FailureMessage.of(failure), retryable(failure), backoff(job.attempts()));
                });
    }

    private Uni<Void> sync(ActiveRun run, Tenant tenant, SyncType type) {
        return switch (type) {
            case CONFIG -> configJob.run(run, tenant, plentyClients.of(tenant)).replaceWithVoid();
            case PRODUCT_DELTA -> productJob.run(run, tenant, false, plentyClients.of(tenant)).replaceWithVoid();
            case FULL_PRODUCT -> productJob.run(run, tenant, true, plentyClients.of(tenant)).replaceWithVoid();
        };
    }

    /** Refusals (credentials, a refused request) and a missing config cache do not pass by waiting. */
    private static boolean retryable(Throwable failure) {
        return !(failure instanceof UpstreamRefused || failure instanceof ProductSyncJob.ConfigCacheMissing);
    }

    private Duration backoff(int attempts) {
        Duration wait = config.retryDelay().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(config.retryMaxDelay()) > 0 ? config.retryMaxDelay() : wait;
    }
}
