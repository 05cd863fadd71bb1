package dev.syncline.commons.run;

import dev.syncline.commons.problem.InvalidRequestException;
import dev.syncline.commons.rejected.RejectedRecord;
import dev.syncline.commons.rejected.RejectedRecordRepository;
import dev.syncline.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The run ledger, as every service exposes it. */
@Path("/api/runs")
@Tag(name = "Runs", description = "The ledger of sync runs")
@RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.CRON})
public class SyncRunResource {

    static final int MAX_LIMIT = 500;

    private final SyncRunRepository runs;
    private final RejectedRecordRepository rejected;

    public SyncRunResource(SyncRunRepository runs, RejectedRecordRepository rejected) {
        this.runs = runs;
        this.rejected = rejected;
    }

    @GET
    @Operation(summary = "Recent runs, newest first, optionally of one job")
    public Uni<List<SyncRun>> recent(@QueryParam("job") String job, @QueryParam("limit") @DefaultValue("20") int limit) {
        return runs.recent(job, checkedLimit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One run with its counters and error")
    public Uni<SyncRun> one(Long id) {
        return runs.findById(id).onItem().ifNull().failWith(() -> new NotFoundException("No run with id " + id));
    }

    @GET
    @Path("/{id}/rejected")
    @Operation(summary = "The records a run rejected, with the reason")
    public Uni<List<RejectedRecord>> rejected(Long id, @QueryParam("limit") @DefaultValue("100") int limit) {
        return rejected.ofRun(id, checkedLimit(limit));
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
