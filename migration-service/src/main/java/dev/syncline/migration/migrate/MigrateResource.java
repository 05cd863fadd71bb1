package dev.syncline.migration.migrate;

import dev.syncline.commons.run.RunFailedException;
import dev.syncline.commons.run.RunHandle;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.security.Roles;
import dev.syncline.migration.store.Platform;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotEmpty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** The seed's sync endpoints: migrate the selected customers or orders from the source of truth into the other store. */
@Path("/api")
@Tag(name = "Migrate")
@RolesAllowed({Roles.ADMIN, Roles.CRON})
public class MigrateResource {

    private final Migrations migrations;
    private final SecurityIdentity identity;

    public MigrateResource(Migrations migrations, SecurityIdentity identity) {
        this.migrations = migrations;
        this.identity = identity;
    }

    public record CustomerRef(String email, @NotBlank String sourceCustomerId) {
    }

    public record OrderRef(String orderNumber, @NotBlank String sourceOrderId) {
    }

    public record CustomerSyncRequest(@NotNull String sourceOfTruth,
                                      @NotNull @NotEmpty List<@Valid @NotNull CustomerRef> customers,
                                      Boolean async) {
    }

    public record OrderSyncRequest(@NotNull String sourceOfTruth, @NotNull @NotEmpty List<@Valid @NotNull OrderRef> orders,
                                   Boolean draft, Boolean async) {
    }

    @POST
    @Path("/customers/sync")
    @Operation(summary = "Migrate the given customers; per-record results and a summary (202 with a migrationId when async)")
    public Uni<RestResponse<MigrationView>> customers(@Valid @NotNull CustomerSyncRequest request) {
        Platform source = Platform.of("sourceOfTruth", request.sourceOfTruth());
        List<String> ids = RecordLimit.check("customers", request.customers()).stream().map(CustomerRef::sourceCustomerId).toList();
        return migrations.customers(source, ids, RunTrigger.of(identity))
                .chain(handle -> answer(handle, request.async()));
    }

    @POST
    @Path("/orders/sync")
    @Operation(summary = "Migrate the given orders (customers first); \"draft\": true makes Shopify draft orders")
    public Uni<RestResponse<MigrationView>> orders(@Valid @NotNull OrderSyncRequest request) {
        Platform source = Platform.of("sourceOfTruth", request.sourceOfTruth());
        List<String> ids = RecordLimit.check("orders", request.orders()).stream().map(OrderRef::sourceOrderId).toList();
        return migrations.orders(source, ids, Boolean.TRUE.equals(request.draft()), RunTrigger.of(identity))
                .chain(handle -> answer(handle, request.async()));
    }

    @GET
    @Path("/migrations/{id: [0-9]+}")
    @Operation(summary = "A migration's progress and results")
    public Uni<MigrationView> migration(@RestPath long id) {
        return migrations.view(id);
    }

    private Uni<RestResponse<MigrationView>> answer(RunHandle<List<RecordResult>> handle, Boolean async) {
        if (Boolean.TRUE.equals(async)) {
            return Uni.createFrom().item(RestResponse.accepted(new MigrationView(handle.runId(), "running", null, 0, 0, List.of(),
                    new MigrationView.Summary(0, 0, 0))));
        }
        return handle.result().onFailure().transform(failure -> new RunFailedException(handle.runId(), failure))
                .map(results -> RestResponse.ok(MigrationView.finished(handle.runId(), results)));
    }
}
