package dev.syncline.erp.sync;

import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.security.Roles;
import dev.syncline.erp.trader.TraderKind;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.util.Map;

/**
 * The original system's cron endpoints: run a trader sync now and answer what it did. A failed sync
 * answers 502 with {success:false, error, timestamp}; one that is already running, 409.
 */
@Path("/api/cron")
@Tag(name = "Trader sync")
@RolesAllowed({Roles.ADMIN, Roles.CRON})
public class CronSyncResource {

    private final TraderSyncJob job;
    private final SecurityIdentity identity;

    public CronSyncResource(TraderSyncJob job, SecurityIdentity identity) {
        this.job = job;
        this.identity = identity;
    }

    /** The optional body: {"full": true} reads every trader instead of the delta window. */
    public record SyncRequest(Boolean full) {
    }

    @POST
    @Path("/sync-customers")
    @Operation(summary = "Sync customers changed since the last successful run (or all, with full)")
    public Uni<RestResponse<Object>> syncCustomers(SyncRequest request) {
        return sync(TraderKind.CUSTOMER, request);
    }

    @POST
    @Path("/sync-suppliers")
    @Operation(summary = "Sync suppliers changed since the last successful run (or all, with full)")
    public Uni<RestResponse<Object>> syncSuppliers(SyncRequest request) {
        return sync(TraderKind.SUPPLIER, request);
    }

    private Uni<RestResponse<Object>> sync(TraderKind kind, SyncRequest request) {
        boolean full = request != null && Boolean.TRUE.equals(request.full());
        RunTrigger trigger = identity.hasRole(Roles.CRON) ? RunTrigger.CRON : RunTrigger.API;
        return job.run(kind, full, trigger)
                .map(result -> RestResponse.ok((Object) result))
                .onFailure(e -> !(e instanceof JobAlreadyRunningException)).recoverWithItem(failure ->
                        RestResponse.status(RestResponse.Status.BAD_GATEWAY, Map.of("success", false,
                                "error", String.valueOf(failure.getMessage()), "timestamp", Instant.now().toString())));
    }
}
