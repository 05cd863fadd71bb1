package dev.syncline.packages.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.run.FailureMessage;
import dev.syncline.commons.run.RunFailedException;
import dev.syncline.commons.run.RunHandle;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.security.Roles;
import dev.syncline.packages.PackageConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The original bulk endpoint. pg_net gives up after a few seconds, so with {"async": true} or
 * {@code Prefer: respond-async} it answers 202 with the run id at once; without, it answers when
 * the run has ended (502 with the result when it failed). Either way the run finishes if the caller
 * goes away.
 */
@Path("/api/crm/sync-packages")
@Tag(name = "Bulk package sync")
@RolesAllowed({Roles.ADMIN, Roles.CRON})
public class BulkSyncResource {

    private final BulkPackageSyncJob bulk;
    private final BulkReport report;
    private final JobLock lock;
    private final PackageConfig config;
    private final SecurityIdentity identity;

    public BulkSyncResource(BulkPackageSyncJob bulk, BulkReport report, JobLock lock, PackageConfig config,
                            SecurityIdentity identity) {
        this.bulk = bulk;
        this.report = report;
        this.lock = lock;
        this.config = config;
        this.identity = identity;
    }

    /** The answer to a bulk trigger: the run id and, once it ended, its result ({@code status} "started" when async). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkAnswer(boolean success, long runId, String status, BulkReport.Result result, String timestamp) {
    }

    /** The latest bulk run, as the status call reports it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LatestRun(boolean success, boolean running, Long runId, String status, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, String error, BulkReport.Result result, String timestamp) {
    }

    @POST
    @Operation(summary = "Sync the packages of every mapped profile (batchSize, maxProfiles, onlyNewProfiles, async)")
    public Uni<RestResponse<BulkAnswer>> sync(@Valid BulkRequest request, @HeaderParam("Prefer") String prefer) {
        BulkRequest.BulkPlan plan = (request == null ? BulkRequest.DEFAULTS : request)
                .toPlan(config.defaultBatchSize(), prefer != null && prefer.contains("respond-async"));
        return bulk.start(plan, RunTrigger.of(identity)).chain(run -> plan.async()
                ? Uni.createFrom().item(RestResponse.accepted(new BulkAnswer(true, run.runId(), "started", null, now())))
                : ended(run));
    }

    private Uni<RestResponse<BulkAnswer>> ended(RunHandle<Void> run) {
        return run.result()
                .chain(() -> report.of(run.runId()))
                .map(ended -> RestResponse.ok(new BulkAnswer(true, run.runId(), null, ended.result(), now())))
                .onFailure(failure -> !(failure instanceof RunFailedException)).recoverWithUni(failure ->
                        report.of(run.runId()).map(ended -> {
                            throw new RunFailedException(run.runId(), FailureMessage.of(failure),
                                    Map.of("result", ended.result()));
                        }));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.CRON})
    @Operation(summary = "The latest bulk run: its result, or a running one's progress")
    public Uni<LatestRun> latest() {
        return report.latest().chain(run -> lock.isHeld(BulkPackageSyncJob.JOB).map(running -> run == null
                ? new LatestRun(true, running, null, null, null, null, null, null, now())
                : new LatestRun(true, running, run.runId(), run.status(), run.startedAt(), run.finishedAt(), run.error(),
                        run.result(), now())));
    }

    private static String now() {
        return Instant.now().toString();
    }
}
