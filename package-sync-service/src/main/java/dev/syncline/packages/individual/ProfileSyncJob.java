package dev.syncline.packages.individual;

import dev.syncline.packages.crm.CrmClient;
import dev.syncline.packages.matching.CustomerMatcher;
import dev.syncline.packages.profile.CrmMatch;
import dev.syncline.packages.profile.Profile;
import dev.syncline.packages.profile.ProfileStore;
import dev.syncline.packages.store.PackageStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One profile's packages from the CRM: match the profile to its CRM customer (kept once matched;
 * tried again while ambiguous or unmatched), read the customer's packages and store them. Callers
 * hold the profile's claim ({@link SyncClaims}), so one profile is never synced twice at once; the
 * sync holds a database connection only for its short writes, never while the CRM answers.
 */
@ApplicationScoped
public class ProfileSyncJob {

    private final ProfileStore profiles;
    private final CustomerMatcher matcher;
    private final CrmClient crm;
    private final PackageStore packages;
    private final Pool pool;

    public ProfileSyncJob(ProfileStore profiles, CustomerMatcher matcher, CrmClient crm, PackageStore packages, Pool pool) {
        this.profiles = profiles;
        this.matcher = matcher;
        this.crm = crm;
        this.packages = packages;
        this.pool = pool;
    }

    public record Outcome(UUID profileId, CrmMatch match, int packages) {
    }

    public Uni<Outcome> sync(UUID profileId) {
        return profiles.find(profileId)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No profile " + profileId)))
                .chain(this::currentMatch)
                .chain(match -> match.isMatched() ? storePackages(profileId, match)
                        : Uni.createFrom().item(new Outcome(profileId, match, 0)));
    }

    private Uni<CrmMatch> currentMatch(Profile profile) {
        return profiles.mapping(profile.id()).chain(existing -> existing.filter(CrmMatch::isMatched)
                .map(match -> Uni.createFrom().item(match))
                .orElseGet(() -> matcher.match(profile).call(match -> profiles.saveMapping(profile.id(), match))));
    }

    private Uni<Outcome> storePackages(UUID profileId, CrmMatch match) {
        return crm.packagesOf(List.of(match.crmCustomerId()))
                .chain(list -> pool.withTransaction(tx -> packages.replace(tx, Map.of(profileId, list))))
                .map(count -> new Outcome(profileId, match, count));
    }
}
