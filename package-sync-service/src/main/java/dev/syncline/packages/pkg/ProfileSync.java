package dev.syncline.packages.pkg;

import dev.syncline.commons.lock.JobLock;
import dev.syncline.packages.crm.CrmClient;
import dev.syncline.packages.profile.CrmMatch;
import dev.syncline.packages.profile.CustomerMatcher;
import dev.syncline.packages.profile.ProfileStore;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One profile's packages from the CRM: match the profile to its CRM customer (kept once matched;
 * retried while ambiguous or unmatched), read the customer's packages and store them. At most one
 * sync per profile runs at a time on all replicas, so a storm of logins becomes one sync.
 */
@ApplicationScoped
public class ProfileSync {

    private final ProfileStore profiles;
    private final CustomerMatcher matcher;
    private final CrmClient crm;
    private final PackageStore packages;
    private final JobLock lock;
    private final Pool pool;

    public ProfileSync(ProfileStore profiles, CustomerMatcher matcher, CrmClient crm, PackageStore packages,
                       JobLock lock, Pool pool) {
        this.profiles = profiles;
        this.matcher = matcher;
        this.crm = crm;
        this.packages = packages;
        this.lock = lock;
        this.pool = pool;
    }

    public record Outcome(UUID profileId, CrmMatch match, int packages) {
    }

    /** Starts a sync in the background unless one runs for the profile; answers whether it started. */
    public Uni<Boolean> startInBackground(UUID profileId) {
        return lock.tryAcquire(lockName(profileId)).map(lease -> {
            lease.ifPresent(held -> sync(profileId)
                    .onTermination().call(held::release)
                    .subscribe().with(
                            done -> Log.infof("Profile %s: %s, %d packages", profileId, done.match().status(), done.packages()),
                            failure -> Log.warnf("Profile %s: package sync failed: %s", profileId, failure.getMessage())));
            return lease.isPresent();
        });
    }

    /** Runs a sync now; empty when one is already running for the profile. */
    public Uni<Optional<Outcome>> runNow(UUID profileId) {
        return lock.tryAcquire(lockName(profileId)).chain(lease -> lease.isEmpty()
                ? Uni.createFrom().item(Optional.<Outcome>empty())
                : sync(profileId).map(Optional::of).onTermination().call(lease.get()::release));
    }

    private Uni<Outcome> sync(UUID profileId) {
        return profiles.find(profileId)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No profile " + profileId)))
                .chain(profile -> profiles.mapping(profileId).chain(existing -> existing.filter(CrmMatch::isMatched)
                        .map(match -> Uni.createFrom().item(match))
                        .orElseGet(() -> matcher.match(profile).call(match -> profiles.saveMapping(profileId, match)))))
                .chain(match -> match.isMatched()
                        ? crm.packagesOf(java.util.List.of(match.crmCustomerId()))
                                .chain(list -> pool.withTransaction(tx -> packages.replace(tx, Map.of(profileId, list))))
                                .map(count -> new Outcome(profileId, match, count))
                        : Uni.createFrom().item(new Outcome(profileId, match, 0)));
    }

    static String lockName(UUID profileId) {
        return "profile-packages:" + profileId;
    }
}
