package dev.syncline.commons.run;

import dev.syncline.commons.rejected.RejectedRecordRepository;
import dev.syncline.commons.rejected.RejectedRecordView;
import dev.syncline.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

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
    public Uni<List<RunView>> recent(@QueryParam("job") String job,
                                     @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MAX_LIMIT) int limit) {
        return runs.recent(job, limit).map(list -> list.stream().map(RunView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One run with its counters and error")
    public Uni<RunView> one(@RestPath long id) {
        return runs.one(id).onItem().ifNull().failWith(() -> new NotFoundException("No run with id " + id))
                .map(RunView::of);
    }

    @GET
    @Path("/{id}/rejected")
    @Operation(summary = "The records a run rejected, with the reason")
    public Uni<List<RejectedRecordView>> rejected(@RestPath long id,
                                                  @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return rejected.ofRun(id, limit).map(list -> list.stream().map(RejectedRecordView::of).toList());
    }
}
