package dev.syncline.packages.individual;

import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.run.FailureMessage;
import dev.syncline.commons.security.Roles;
import dev.syncline.packages.PackageConfig;
import dev.syncline.packages.profile.ProfileIds;
import dev.syncline.packages.profile.ProfileStore;
import dev.syncline.packages.store.PackageView;
import dev.syncline.packages.store.StoredPackageRepository;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * A user's own packages, with their OIDC token: the profile id comes from a token claim, and a user
 * reads and refreshes only that profile; a sync-admin may name any.
 */
@Path("/api/vip/packages")
@Tag(name = "VIP packages")
@Authenticated
public class VipPackagesResource {

    private final ProfileSyncJob job;
    private final SyncClaims claims;
    private final ProfileStore profiles;
    private final StoredPackageRepository stored;
    private final SecurityIdentity identity;
    private final PackageConfig config;

    public VipPackagesResource(ProfileSyncJob job, SyncClaims claims, ProfileStore profiles,
                               StoredPackageRepository stored, SecurityIdentity identity, PackageConfig config) {
        this.job = job;
        this.claims = claims;
        this.profiles = profiles;
        this.stored = stored;
        this.identity = identity;
        this.config = config;
    }

    public record RefreshRequest(String profileId) {
    }

    public record Mapping(String status, String matchedBy, String note) {
    }

    public record VipPackages(boolean success, String profileId, Mapping mapping, List<PackageView> packages) {
    }

    @GET
    @Operation(summary = "The caller's packages as last synced (an admin may pass profileId)")
    public Uni<VipPackages> mine(@QueryParam("profileId") String profileId) {
        return answer(allowed(profileId));
    }

    @POST
    @Operation(summary = "Refresh the caller's packages from the CRM now; 409 while a sync for the profile runs")
    public Uni<VipPackages> refresh(RefreshRequest request) {
        UUID id = allowed(request == null ? null : request.profileId());
        return claims.claim(id, config.profileSyncLease()).chain(claim -> {
            if (claim.isEmpty()) {
                return profiles.find(id).chain(found -> Uni.createFrom().failure(found.isEmpty()
                        ? new NotFoundException("No profile " + id + "; a login creates it")
                        : new JobAlreadyRunningException("package sync of profile " + id, null)));
            }
            return job.sync(id)
                    .call(outcome -> claims.succeeded(claim.get()))
                    .onFailure().call(failure -> claims.failed(claim.get(), FailureMessage.of(failure),
                            config.profileSyncMaxFailures()))
                    .chain(outcome -> answer(id));
        });
    }

    private Uni<VipPackages> answer(UUID id) {
        return profiles.mapping(id).chain(mapping -> stored.ofProfile(id).map(list -> new VipPackages(true, id.toString(),
                mapping.map(m -> new Mapping(m.status(), m.matchedBy(), m.note())).orElse(null),
                list.stream().map(PackageView::of).toList())));
    }

    /** The profile the caller may act on: their own, or any for an admin. */
    private UUID allowed(String requested) {
        boolean admin = identity.hasRole(Roles.ADMIN);
        String own = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(config.profileClaim()) : null;
        if (requested == null || requested.isBlank()) {
            if (own == null) {
                throw new ForbiddenException("The token carries no " + config.profileClaim() + " claim; name a profileId");
            }
            return ProfileIds.parse(config.profileClaim(), own);
        }
        UUID id = ProfileIds.parse("profileId", requested);
        if (!admin && (own == null || !id.toString().equalsIgnoreCase(own.trim()))) {
            throw new ForbiddenException("A user may only read and refresh their own packages");
        }
        return id;
    }
}
