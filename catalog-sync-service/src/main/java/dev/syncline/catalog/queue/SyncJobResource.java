package dev.syncline.catalog.queue;

import dev.syncline.catalog.CatalogConfig;
import dev.syncline.catalog.tenant.TenantResource;
import dev.syncline.catalog.tenant.TenantStore;
import dev.syncline.commons.problem.Problem;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/** A tenant's syncs: enqueue one (the seed's trigger scripts), and its job history. */
@Path("/api/tenants/{tenantId}")
@Tag(name = "Sync jobs")
public class SyncJobResource {

    private final JobQueue queue;
    private final JobHistory history;
    private final TenantStore tenants;
    private final JobWorker worker;
    private final CatalogConfig config;
    private final SecurityIdentity identity;

    public SyncJobResource(JobQueue queue, JobHistory history, TenantStore tenants, JobWorker worker, CatalogConfig config,
                           SecurityIdentity identity) {
        this.queue = queue;
        this.history = history;
        this.tenants = tenants;
        this.worker = worker;
        this.config = config;
        this.identity = identity;
    }

    public record SyncRequest(@NotNull SyncType type) {
    }

    public record JobAccepted(boolean success, long jobId, UUID tenantId, SyncType type, String status) {
    }

    @POST
    @Path("/syncs")
    @RolesAllowed({Roles.ADMIN, Roles.CRON})
    @ResponseStatus(202)
    @Operation(summary = "Enqueue a CONFIG, PRODUCT_DELTA or FULL_PRODUCT sync (202 with the job id; 409 while one is queued or running)")
    public Uni<RestResponse<JobAccepted>> enqueue(@RestPath String tenantId, @Valid @NotNull SyncRequest request) {
        UUID tenant = TenantResource.parse("tenantId", tenantId);
        return tenants.find(tenant)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No tenant " + tenant)))
                .invoke(found -> {
                    if (!found.active()) {
                        throw new InactiveTenant(tenant);
                    }
                })
                .chain(() -> queue.enqueue(tenant, request.type(), RunTrigger.of(identity), config.maxAttempts(), null))
                .chain(id -> id.isPresent() ? Uni.createFrom().item(id.get())
                        : queue.active(tenant, request.type()).map(active -> {
                            throw new JobAlreadyQueued(tenant, request.type(), active.orElse(null));
                        }))
                .invoke(worker::wake)
                .map(id -> RestResponse.accepted(new JobAccepted(true, id, tenant, request.type(), "queued")));
    }

    @GET
    @Path("/jobs")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.CRON})
    @Operation(summary = "The tenant's jobs, newest first, with their last run's counts")
    public Uni<List<JobView>> jobs(@RestPath String tenantId, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
        return history.ofTenant(TenantResource.parse("tenantId", tenantId), limit);
    }

    /** A second sync of a type a tenant has queued or running. */
    public static final class JobAlreadyQueued extends RuntimeException {
        private final Long jobId;

        JobAlreadyQueued(UUID tenant, SyncType type, Long jobId) {
            super("Tenant " + tenant + " has a " + type + " sync queued or running" + (jobId == null ? "" : " as job " + jobId));
            this.jobId = jobId;
        }
    }

    /** A sync for a tenant switched off. */
    public static final class InactiveTenant extends RuntimeException {
        InactiveTenant(UUID tenant) {
            super("Tenant " + tenant + " is inactive; set active to true to sync it");
        }
    }

    @ServerExceptionMapper
    public Response alreadyQueued(JobAlreadyQueued e) {
        Problem problem = Problem.of(409, "Sync already queued or running", e.getMessage());
        return (e.jobId == null ? problem : problem.with("jobId", e.jobId)).toResponse();
    }

    @ServerExceptionMapper
    public Response inactive(InactiveTenant e) {
        return Problem.of(409, "Tenant inactive", e.getMessage()).toResponse();
    }
}
