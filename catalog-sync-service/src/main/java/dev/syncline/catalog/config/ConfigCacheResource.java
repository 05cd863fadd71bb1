package dev.syncline.catalog.config;

import dev.syncline.catalog.tenant.TenantResource;
import dev.syncline.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** A tenant's cached Plenty configuration, as the last CONFIG sync left it. */
@Path("/api/tenants/{tenantId}/config")
@Tag(name = "Catalog data")
public class ConfigCacheResource {

    private final ConfigCacheStore store;

    public ConfigCacheResource(ConfigCacheStore store) {
        this.store = store;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @Operation(summary = "The config cache: categories, attributes and values, sales prices, manufacturers, units, VAT rates")
    public Uni<ConfigCache.View> config(@RestPath String tenantId) {
        UUID tenant = TenantResource.parse("tenantId", tenantId);
        return store.load(tenant).map(found -> found.map(ConfigCache::view).orElseThrow(() -> new NotFoundException(
                "Tenant " + tenant + " has no config cache (unknown tenant, or no CONFIG sync has succeeded yet)")));
    }
}
