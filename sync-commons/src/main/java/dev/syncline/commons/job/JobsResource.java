package dev.syncline.commons.job;

import dev.syncline.commons.security.Roles;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The service's scheduled jobs: when each fires next, and pause/resume for operators. */
@Path("/api/jobs")
@Tag(name = "Jobs", description = "Scheduled jobs")
public class JobsResource {

    private final Scheduler scheduler;
    private final JobPauses pauses;
    private final SecurityIdentity identity;

    public JobsResource(Scheduler scheduler, JobPauses pauses, SecurityIdentity identity) {
        this.scheduler = scheduler;
        this.pauses = pauses;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.CRON})
    @Operation(summary = "Each scheduled job with its next fire time and whether it is paused")
    public Uni<Jobs> list() {
        return pauses.refresh().map(ignored -> new Jobs(true, null, jobs()));
    }

    @GET
    @Path("/init")
    @RolesAllowed({Roles.ADMIN, Roles.CRON})
    @Operation(summary = "Report the registered schedules (the original system's init call); paused jobs stay paused")
    public Uni<Jobs> init() {
        return pauses.refresh().map(ignored -> new Jobs(true, "Scheduled jobs are registered", jobs()));
    }

    @POST
    @Path("/{job}/pause")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Skip the job's scheduled executions on every replica until resumed")
    public Uni<Job> pause(@RestPath String job) {
        requireKnown(job);
        return pauses.pause(job, identity.getPrincipal().getName()).map(ignored -> view(scheduler.getScheduledJob(job)));
    }

    @POST
    @Path("/{job}/resume")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Let the job's scheduled executions run again")
    public Uni<Job> resume(@RestPath String job) {
        requireKnown(job);
        return pauses.resume(job).map(ignored -> view(scheduler.getScheduledJob(job)));
    }

    private void requireKnown(String job) {
        if (job.startsWith(JobPauses.INTERNAL_PREFIX) || scheduler.getScheduledJob(job) == null) {
            throw new NotFoundException("No scheduled job '" + job + "'; GET /api/jobs lists them");
        }
    }

    private List<Job> jobs() {
        return scheduler.getScheduledJobs().stream()
                .filter(trigger -> !trigger.getId().startsWith(JobPauses.INTERNAL_PREFIX))
                .map(this::view)
                .sorted(Comparator.comparing(Job::job))
                .toList();
    }

    private Job view(Trigger trigger) {
        return new Job(trigger.getId(), trigger.getNextFireTime(), trigger.getPreviousFireTime(),
                pauses.isPaused(trigger.getId()));
    }

    public record Jobs(boolean success, String message, List<Job> jobs) {
    }

    public record Job(String job, Instant nextFireTime, Instant previousFireTime, boolean paused) {
    }
}
