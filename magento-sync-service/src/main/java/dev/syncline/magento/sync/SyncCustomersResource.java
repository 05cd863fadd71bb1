package dev.syncline.magento.sync;

import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncRun;
import dev.syncline.commons.run.SyncRunRepository;
import dev.syncline.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.OffsetDateTime;
import java.util.List;

/** The original system's endpoint: start a consumer sync, and see how it goes from any replica. */
@Path("/api/admin/mailing/sync-customers")
@Tag(name = "Consumer sync")
public class SyncCustomersResource {

    private final ConsumerSyncJob job;
    private final SyncConfig config;
    private final JobLock lock;
    private final SyncRunRepository runs;
    private final SyncStatusRepository statuses;
    private final SecurityIdentity identity;

    public SyncCustomersResource(ConsumerSyncJob job, SyncConfig config, JobLock lock, SyncRunRepository runs,
                                 SyncStatusRepository statuses, SecurityIdentity identity) {
        this.job = job;
        this.config = config;
        this.lock = lock;
        this.runs = runs;
        this.statuses = statuses;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CRON})
    @Operation(summary = "Start a full or incremental sync; it runs in the background (202), 409 while one runs")
    public Uni<RestResponse<SyncStarted>> start(SyncRequest request) {
        SyncPlan plan = (request == null ? new SyncRequest(null, null, null, null, null) : request).toPlan(config);
        RunTrigger trigger = identity.hasRole(Roles.CRON) ? RunTrigger.CRON : RunTrigger.API;
        return job.start(plan, trigger)
                .map(runId -> RestResponse.accepted(new SyncStarted(true, "Sync started",
                        new SyncStarted.Data("started", plan.mode(), plan.testMode(), runId))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.CRON})
    @Operation(summary = "Whether a sync runs, the latest run's progress and the watermark rows")
    public Uni<SyncState> status() {
        return lock.isHeld(ConsumerSyncJob.JOB).chain(running -> runs.latest(ConsumerSyncJob.JOB)
                .chain(latest -> statuses.all().map(rows -> new SyncState(true,
                        new SyncState.Data(running, Progress.of(latest), LastRun.of(latest), rows)))));
    }

    public record SyncStarted(boolean success, String message, Data data) {
        public record Data(String status, String mode, boolean testMode, long runId) {
        }
    }

    public record SyncState(boolean success, Data data) {
        public record Data(boolean isRunning, Progress progress, LastRun lastRun, List<SyncStatus> dbSyncStatus) {
        }
    }

    /** The latest run's counters: total is what Magento announced, errors the rejected orders. */
    public record Progress(long total, long processed, long created, long errors) {
        static Progress of(SyncRun run) {
            if (run == null) {
                return new Progress(0, 0, 0, 0);
            }
            long total = run.recordsTotal == null ? run.recordsRead : Math.max(run.recordsTotal, run.recordsRead);
            return new Progress(total, run.recordsRead, run.recordsCreated, run.recordsRejected);
        }
    }

    public record LastRun(long id, String mode, String trigger, String status, OffsetDateTime startedAt,
                          OffsetDateTime finishedAt, String error) {
        static LastRun of(SyncRun run) {
            return run == null ? null : new LastRun(run.id, run.mode, run.trigger, run.status, run.startedAt,
                    run.finishedAt, run.errorMessage);
        }
    }
}
