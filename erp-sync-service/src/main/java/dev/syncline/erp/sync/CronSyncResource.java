package dev.syncline.erp.sync;

import dev.syncline.commons.run.RunFailedException;
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

/**
 * The original system's cron endpoints: run a trader sync now and answer what it did. A failed sync
 * answers 502 (a problem with {success:false, error, timestamp} and the run id); one that is
 * already running, 409.
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
    public Uni<TraderSyncResult> syncCustomers(SyncRequest request) {
        return sync(TraderKind.CUSTOMER, request);
    }

    @POST
    @Path("/sync-suppliers")
    @Operation(summary = "Sync suppliers changed since the last successful run (or all, with full)")
    public Uni<TraderSyncResult> syncSuppliers(SyncRequest request) {
        return sync(TraderKind.SUPPLIER, request);
    }

    private Uni<TraderSyncResult> sync(TraderKind kind, SyncRequest request) {
        boolean full = request != null && Boolean.TRUE.equals(request.full());
        return job.start(kind, full, RunTrigger.of(identity))
                .chain(run -> run.result()
                        .map(outcome -> TraderSyncResult.of(run.runId(), outcome))
                        .onFailure().transform(failure -> new RunFailedException(run.runId(), failure)));
    }
}
