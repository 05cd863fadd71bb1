package dev.syncline.catalog.product;

import dev.syncline.catalog.tenant.TenantResource;
import dev.syncline.catalog.tenant.TenantStore;
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

import java.util.UUID;

/** Where a tenant's product sync stands: its window, the variations still pending, the mock shop's products. */
@Path("/api/tenants/{tenantId}")
@Tag(name = "Catalog data")
public class ProductStateResource {

    private final TenantStore tenants;
    private final SyncStateStore states;
    private final PendingVariationStore pending;
    private final MockShopStore mockShop;

    public ProductStateResource(TenantStore tenants, SyncStateStore states, PendingVariationStore pending, MockShopStore mockShop) {
        this.tenants = tenants;
        this.states = states;
        this.pending = pending;
        this.mockShop = mockShop;
    }

    @GET
    @Path("/sync-state")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @Operation(summary = "SyncState: the end of the last product window, and the variations pending since a run rejected them")
    public Uni<SyncStateView> syncState(@RestPath String tenantId) {
        UUID tenant = TenantResource.parse("tenantId", tenantId);
        return known(tenant).chain(() -> states.lastWindowEnd(tenant))
                .chain(end -> pending.list(tenant).map(list -> new SyncStateView(tenant, end.orElse(null), list.size(), list)));
    }

    @GET
    @Path("/mock-products")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @Operation(summary = "The mock shop's products (tenants in mock mode), by id, a page after the given id")
    public Uni<MockShopStore.MockProductPage> mockProducts(@RestPath String tenantId,
                                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                                          @QueryParam("after") @DefaultValue("") String after) {
        UUID tenant = TenantResource.parse("tenantId", tenantId);
        return known(tenant).chain(() -> mockShop.page(tenant, after, limit));
    }

    private Uni<Void> known(UUID tenant) {
        return tenants.find(tenant).invoke(found -> {
            if (found.isEmpty()) {
                throw new NotFoundException("No tenant " + tenant);
            }
        }).replaceWithVoid();
    }
}
