package dev.syncline.packages.individual;

import dev.syncline.commons.queue.ClaimingDispatcher;
import dev.syncline.commons.run.FailureMessage;
import dev.syncline.packages.PackageConfig;
import dev.syncline.packages.individual.SyncClaims.Claim;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs the requested profile syncs, at most {@code package.profile-sync-concurrency} at a time on
 * this replica. The queue is the profile table: a login only records its request and answers,
 * however many arrive; this replica claims what it has room for when woken (by a request here) or
 * every second (for requests made on other replicas, retries, and leases of replicas that died).
 */
@ApplicationScoped
public class ProfileSyncQueue {

    private final SyncClaims claims;
    private final ProfileSyncJob job;
    private final PackageConfig config;
    private final ClaimingDispatcher<Claim> dispatcher;

    public ProfileSyncQueue(SyncClaims claims, ProfileSyncJob job, PackageConfig config) {
        this.claims = claims;
        this.job = job;
        this.config = config;
        this.dispatcher = new ClaimingDispatcher<>("profile syncs", config.profileSyncConcurrency(),
                room -> claims.claimRequested(room, config.profileSyncLease()), this::run);
    }

    /** A sync was requested here: start it now if there is room. */
    public void wake() {
        dispatcher.wake();
    }

    @Scheduled(identity = "internal-profile-sync-queue", every = "1s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatcher.wake();
    }

    void onStart(@Observes StartupEvent start) {
        dispatcher.wake();
    }

    private Uni<Void> run(Claim claim) {
        return job.sync(claim.profileId())
                .invoke(done -> Log.debugf("Profile %s: %s, %d packages", done.profileId(), done.match().status(), done.packages()))
                .call(outcome -> claims.succeeded(claim))
                .onFailure().call(failure -> claims.failed(claim, FailureMessage.of(failure), config.profileSyncMaxFailures()))
                .replaceWithVoid();
    }
}
