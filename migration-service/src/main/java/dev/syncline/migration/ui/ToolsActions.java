package dev.syncline.migration.ui;

import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.security.Roles;
import dev.syncline.migration.compare.CompareAnswer;
import dev.syncline.migration.compare.CompareKind;
import dev.syncline.migration.compare.CompareResource;
import dev.syncline.migration.compare.Comparisons;
import dev.syncline.migration.migrate.RecordLimit;
import dev.syncline.migration.migrate.MigrationView;
import dev.syncline.migration.migrate.Migrations;
import dev.syncline.migration.store.Platform;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What the pages' script calls: the API's compare and sync, under the pages' paths so that a
 * person logged in to the pages (an OIDC session cookie) can use them; the cookie opens nothing
 * under /api. A POST here must come from the page itself: see {@link PageActionGuard}.
 */
@Path("/{tool: customer-sync|order-sync}")
@Tag(name = "Pages")
@RolesAllowed(Roles.ADMIN)
public class ToolsActions {

    private final Comparisons comparisons;
    private final Migrations migrations;
    private final SecurityIdentity identity;

    public ToolsActions(Comparisons comparisons, Migrations migrations, SecurityIdentity identity) {
        this.comparisons = comparisons;
        this.migrations = migrations;
        this.identity = identity;
    }

    @POST
    @Path("/compare")
    @Operation(summary = "The page's Compare button: compares and answers the first page of differences")
    public Uni<CompareAnswer> compare(@RestPath String tool, @Valid @NotNull CompareResource.CompareRequest request,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        CompareKind kind = kind(tool);
        Platform source = Platform.of("sourceOfTruth", request.sourceOfTruth());
        return comparisons.start(kind, source, RunTrigger.of(identity))
                .chain(handle -> comparisons.firstPage(kind, handle, size));
    }

    @GET
    @Path("/compare/{id: [0-9]+}")
    @Operation(summary = "A page of a comparison's differences")
    public Uni<CompareAnswer> page(@RestPath String tool, @RestPath long id, @QueryParam("page") @DefaultValue("1") @Min(1) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return comparisons.page(kind(tool), id, page, size);
    }

    @GET
    @Path("/compare/{id: [0-9]+}.csv")
    @Produces("text/csv")
    @Operation(summary = "A comparison's differences as CSV")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"differences.csv\"")
    public Multi<String> csv(@RestPath String tool, @RestPath long id) {
        return comparisons.csv(kind(tool), id);
    }

    @POST
    @Path("/sync")
    @Operation(summary = "The page's Sync Selected button: starts the migration and answers 202 with its id")
    public Uni<RestResponse<MigrationView>> sync(@RestPath String tool, @Valid @NotNull SyncSelected request) {
        Platform source = Platform.of("sourceOfTruth", request.sourceOfTruth());
        RecordLimit.check("ids", request.ids());
        var started = kind(tool) == CompareKind.CUSTOMERS
                ? migrations.customers(source, request.ids(), RunTrigger.of(identity))
                : migrations.orders(source, request.ids(), Boolean.TRUE.equals(request.draft()), RunTrigger.of(identity));
        return started.map(handle -> RestResponse.accepted(new MigrationView(handle.runId(), "running", null, request.ids().size(), 0,
                java.util.List.of(), new MigrationView.Summary(request.ids().size(), 0, 0))));
    }

    @GET
    @Path("/migrations/{id: [0-9]+}")
    @Operation(summary = "A migration's progress and results")
    public Uni<MigrationView> migration(@RestPath String tool, @RestPath long id) {
        return migrations.view(id);
    }

    /** The page's selection: source ids, at most as many as the API takes. */
    public record SyncSelected(@NotNull String sourceOfTruth,
                               @NotNull @jakarta.validation.constraints.NotEmpty
                               java.util.List<@NotNull @jakarta.validation.constraints.NotBlank String> ids,
                               Boolean draft) {
    }

    private static CompareKind kind(String tool) {
        return "customer-sync".equals(tool) ? CompareKind.CUSTOMERS : CompareKind.ORDERS;
    }
}
