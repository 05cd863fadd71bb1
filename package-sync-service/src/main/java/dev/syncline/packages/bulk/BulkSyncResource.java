package dev.syncline.packages.bulk;

import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.security.Roles;
import dev.syncline.packages.PackageConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The original bulk endpoint. pg_net gives up after a few seconds, so with {"async": true} or
 * {@code Prefer: respond-async} it answers 202 with the run id at once; without, it answers when
 * the run has ended. Either way the run finishes if the caller goes away.
 */
@Path("/api/crm/sync-packages")
@Tag(name = "Bulk package sync")
@RolesAllowed({Roles.ADMIN, Roles.CRON})
public class BulkSyncResource {

    private final BulkPackageSync bulk;
    private final BulkReport report;
    private final JobLock lock;
    private final PackageConfig config;
    private final SecurityIdentity identity;

    public BulkSyncResource(BulkPackageSync bulk, BulkReport report, JobLock lock, PackageConfig config,
                            SecurityIdentity identity) {
        this.bulk = bulk;
        this.report = report;
        this.lock = lock;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Sync the packages of every mapped profile (batchSize, maxProfiles, onlyNewProfiles, async)")
    public Uni<RestResponse<Map<String, Object>>> sync(BulkRequest request, @HeaderParam("Prefer") String prefer) {
        BulkRequest.BulkPlan plan = (request == null ? new BulkRequest(null, null, null, null) : request)
                .toPlan(config.defaultBatchSize(), prefer != null && prefer.contains("respond-async"));
        RunTrigger trigger = identity.hasRole(Roles.CRON) ? RunTrigger.CRON : RunTrigger.API;
        return bulk.start(plan, trigger).chain(runId -> plan.async()
                ? Uni.createFrom().item(RestResponse.accepted(answer(true, Map.of("runId", runId, "status", "started"))))
                : bulk.ended(runId)
                        .chain(() -> report.of(runId))
                        .map(run -> RestResponse.ok(answer(true, Map.of("runId", runId, "result", run.result()))))
                        .onFailure().recoverWithItem(failure -> RestResponse.status(RestResponse.Status.BAD_GATEWAY,
                                answer(false, Map.of("runId", runId, "error", String.valueOf(failure.getMessage()))))));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.CRON})
    @Operation(summary = "The latest bulk run: its result, or a running one's progress")
    public Uni<Map<String, Object>> latest() {
        return lock.isHeld(BulkPackageSync.JOB).chain(running -> report.latest().map(run -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("running", running);
            if (run != null) {
                body.put("runId", run.runId());
                body.put("status", run.status());
                body.put("startedAt", run.startedAt());
                body.put("finishedAt", run.finishedAt());
                body.put("error", run.error());
                body.put("result", run.result());
            }
            return answer(true, body);
        }));
    }

    private static Map<String, Object> answer(boolean success, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", success);
        body.putAll(fields);
        body.put("timestamp", Instant.now().toString());
        return body;
    }
}
