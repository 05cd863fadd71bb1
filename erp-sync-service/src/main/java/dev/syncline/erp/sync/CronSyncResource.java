package dev.syncline.erp.sync;

import dev.syncline.commons.run.RunFailedException;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.security.Roles;
import dev.syncline.erp.trader.TraderKind;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The original system's cron endpoints: run a trader sync now and answer what it did. A failed sync
 * answers 502 (a problem with {success:false, error, timestamp} and the run id); one that is
 * already running, 409. With {@code Prefer: respond-async} (pg_net, which gives up after its
 * timeout) it answers 202 with the run id at once; the run's result is then in the ledger.
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
    public Uni<RestResponse<TraderSyncResult>> syncCustomers(SyncRequest request, @HeaderParam("Prefer") String prefer) {
        return sync(TraderKind.CUSTOMER, request, prefer);
    }

    @POST
    @Path("/sync-suppliers")
    @Operation(summary = "Sync suppliers changed since the last successful run (or all, with full)")
    public Uni<RestResponse<TraderSyncResult>> syncSuppliers(SyncRequest request, @HeaderParam("Prefer") String prefer) {
        return sync(TraderKind.SUPPLIER, request, prefer);
    }

    private Uni<RestResponse<TraderSyncResult>> sync(TraderKind kind, SyncRequest request, String prefer) {
        boolean full = request != null && Boolean.TRUE.equals(request.full());
        boolean async = prefer != null && prefer.contains("respond-async");
        return job.start(kind, full, RunTrigger.of(identity))
                .chain(run -> async ? Uni.createFrom().item(RestResponse.accepted(TraderSyncResult.started(run.runId())))
                        : run.result()
                        .map(outcome -> RestResponse.ok(TraderSyncResult.of(run.runId(), outcome)))
                        .onFailure().transform(failure -> new RunFailedException(run.runId(), failure)));
    }
}
