package dev.syncline.packages.individual;

import dev.syncline.commons.run.FailureMessage;
import dev.syncline.packages.PackageConfig;
import dev.syncline.packages.individual.SyncClaims.Claim;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wokenWhileClaiming = new AtomicBoolean();

    public ProfileSyncQueue(SyncClaims claims, ProfileSyncJob job, PackageConfig config) {
        this.claims = claims;
        this.job = job;
        this.config = config;
    }

    /** A sync was requested here: start it now if there is room. */
    public void wake() {
        drain();
    }

    @Scheduled(identity = "internal-profile-sync-queue", every = "1s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    void onStart(@Observes StartupEvent start) {
        drain();
    }

    /** Claims as many requested profiles as there is room for; one claim round at a time. */
    private void drain() {
        if (!claiming.compareAndSet(false, true)) {
            wokenWhileClaiming.set(true);
            return;
        }
        int room = config.profileSyncConcurrency() - running.get();
        if (room <= 0) {
            claiming.set(false);
            return;
        }
        wokenWhileClaiming.set(false);
        claims.claimRequested(room, config.profileSyncLease()).subscribe().with(
                claimed -> {
                    claimed.forEach(this::run);
                    claiming.set(false);
                    if (claimed.size() == room || wokenWhileClaiming.get()) {
                        drain();
                    }
                },
                failure -> {
                    claiming.set(false);
                    Log.warnf("Could not claim requested profile syncs: %s", failure.getMessage());
                });
    }

    private void run(Claim claim) {
        running.incrementAndGet();
        job.sync(claim.profileId())
                .call(outcome -> claims.succeeded(claim))
                .onFailure().call(failure -> claims.failed(claim, FailureMessage.of(failure), config.profileSyncMaxFailures()))
                .onTermination().invoke(() -> running.decrementAndGet())
                .subscribe().with(
                        done -> {
                            Log.debugf("Profile %s: %s, %d packages", done.profileId(), done.match().status(), done.packages());
                            drain();
                        },
                        failure -> {
                            Log.warnf("Profile %s: package sync failed: %s", claim.profileId(), FailureMessage.of(failure));
                            drain();
                        });
    }
}
