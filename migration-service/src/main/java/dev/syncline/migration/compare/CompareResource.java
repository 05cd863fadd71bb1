package dev.syncline.migration.compare;

import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.security.Roles;
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

/** The seed's compare endpoints for customers and orders, and their stored snapshots. */
@Path("/api")
@Tag(name = "Compare")
@RolesAllowed({Roles.ADMIN, Roles.CRON})
public class CompareResource {

    private final Comparisons comparisons;
    private final SecurityIdentity identity;

    public CompareResource(Comparisons comparisons, SecurityIdentity identity) {
        this.comparisons = comparisons;
        this.identity = identity;
    }

    /** {@code sourceOfTruth}: woocommerce or shopify; {@code async}: answer 202 at once and read the snapshot later. */
    public record CompareRequest(@NotNull String sourceOfTruth, Boolean async) {
    }

    @POST
    @Path("/customers/compare")
    @Operation(summary = "Compare customers: those only in the source of truth (and the ambiguous ones), with a summary")
    public Uni<RestResponse<CompareAnswer>> compareCustomers(@Valid @NotNull CompareRequest request) {
        return compare(CompareKind.CUSTOMERS, request);
    }

    @POST
    @Path("/orders/compare")
    @Operation(summary = "Compare orders: those only in the source of truth (and the ambiguous ones), with a summary")
    public Uni<RestResponse<CompareAnswer>> compareOrders(@Valid @NotNull CompareRequest request) {
        return compare(CompareKind.ORDERS, request);
    }

    @GET
    @Path("/customers/compare/{id: [0-9]+}")
    @Operation(summary = "A customer comparison's differences, a page at a time")
    public Uni<CompareAnswer> customerPage(@RestPath long id, @QueryParam("page") @DefaultValue("1") @Min(1) int page,
                                           @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return comparisons.page(CompareKind.CUSTOMERS, id, page, size);
    }

    @GET
    @Path("/orders/compare/{id: [0-9]+}")
    @Operation(summary = "An order comparison's differences, a page at a time")
    public Uni<CompareAnswer> orderPage(@RestPath long id, @QueryParam("page") @DefaultValue("1") @Min(1) int page,
                                        @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return comparisons.page(CompareKind.ORDERS, id, page, size);
    }

    @GET
    @Path("/customers/compare/{id: [0-9]+}.csv")
    @Produces("text/csv")
    @Operation(summary = "A customer comparison's differences as CSV")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"customer-differences.csv\"")
    public Multi<String> customerCsv(@RestPath long id) {
        return comparisons.csv(CompareKind.CUSTOMERS, id);
    }

    @GET
    @Path("/orders/compare/{id: [0-9]+}.csv")
    @Produces("text/csv")
    @Operation(summary = "An order comparison's differences as CSV")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"order-differences.csv\"")
    public Multi<String> orderCsv(@RestPath long id) {
        return comparisons.csv(CompareKind.ORDERS, id);
    }

    private Uni<RestResponse<CompareAnswer>> compare(CompareKind kind, CompareRequest request) {
        Platform source = Platform.of("sourceOfTruth", request.sourceOfTruth());
        return comparisons.start(kind, source, RunTrigger.of(identity)).chain(handle -> Boolean.TRUE.equals(request.async())
                ? Uni.createFrom().item(RestResponse.accepted(Comparisons.started(kind, handle.runId())))
                : comparisons.inline(kind, handle).map(RestResponse::ok));
    }
}
