package dev.syncline.catalog.queue;

import dev.syncline.commons.problem.InvalidRequestException;
import dev.syncline.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** One sync job. (Numeric ids only: /api/jobs itself lists the service's scheduled jobs.) */
@Path("/api/jobs/{jobId: [0-9]+}")
@Tag(name = "Sync jobs")
public class JobResource {

    private final JobHistory history;

    public JobResource(JobHistory history) {
        this.history = history;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.CRON})
    @Operation(summary = "One sync job with its attempts, state and last run's counts")
    public Uni<JobView> one(@RestPath String jobId) {
        long id;
        try {
            id = Long.parseLong(jobId);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("jobId", "jobId must be a job id (a whole number), was '" + jobId + "'");
        }
        return history.one(id).map(found -> found.orElseThrow(() -> new NotFoundException("No sync job " + id)));
    }
}
