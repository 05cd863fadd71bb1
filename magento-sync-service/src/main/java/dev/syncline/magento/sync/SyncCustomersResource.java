package dev.syncline.magento.sync;

import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/** The original system's endpoint: start a consumer sync, and see how it goes from any replica. */
@Path("/api/admin/mailing/sync-customers")
@Tag(name = "Consumer sync")
public class SyncCustomersResource {

    private final ConsumerSyncJob job;
    private final SyncConfig config;
    private final SyncStatusReport status;
    private final SecurityIdentity identity;

    public SyncCustomersResource(ConsumerSyncJob job, SyncConfig config, SyncStatusReport status, SecurityIdentity identity) {
        this.job = job;
        this.config = config;
        this.status = status;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CRON})
    @ResponseStatus(202)
    @Operation(summary = "Start a full or incremental sync; it runs in the background (202), 409 while one runs")
    public Uni<RestResponse<SyncStarted>> start(@Valid SyncRequest request) {
        SyncPlan plan = (request == null ? SyncRequest.DEFAULTS : request).toPlan(config);
        return job.start(plan, RunTrigger.of(identity))
                .map(run -> RestResponse.accepted(new SyncStarted(true, "Sync started",
                        new SyncStarted.Data("started", plan.mode(), plan.testMode(), run.runId()))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.CRON})
    @Operation(summary = "Whether a sync runs, the latest run's progress and the watermark per sync type")
    public Uni<SyncStatusReport.SyncState> status() {
        return status.current();
    }

    public record SyncStarted(boolean success, String message, Data data) {
        public record Data(String status, String mode, boolean testMode, long runId) {
        }
    }
}
