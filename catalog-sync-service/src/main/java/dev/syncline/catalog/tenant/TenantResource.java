package dev.syncline.catalog.tenant;

import dev.syncline.catalog.CatalogConfig;
import dev.syncline.commons.problem.InvalidRequestException;
import dev.syncline.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** Tenants: one Plentymarkets system and one Shopware shop (or the mock shop) each. */
@Path("/api/tenants")
@Tag(name = "Tenants")
public class TenantResource {

    private final TenantStore tenants;
    private final CredentialCipher cipher;
    private final CatalogConfig config;
    private final UpstreamHosts hosts;

    public TenantResource(TenantStore tenants, CredentialCipher cipher, CatalogConfig config, UpstreamHosts hosts) {
        this.tenants = tenants;
        this.cipher = cipher;
        this.config = config;
        this.hosts = hosts;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @Operation(summary = "Every tenant")
    public Uni<List<TenantView>> list() {
        return tenants.all().map(all -> all.stream().map(this::view).toList());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    @Operation(summary = "Create a tenant (its id may be given; credentials are stored encrypted)")
    public Uni<RestResponse<TenantView>> create(@Valid @NotNull TenantRequest request) {
        UUID id = request.id() == null ? UUID.randomUUID() : parse("id", request.id());
        return tenants.find(id).chain(existing -> {
            if (existing.isPresent()) {
                throw new ClientErrorException("A tenant " + id + " exists already; PUT /api/tenants/" + id + " changes it", 409);
            }
            return tenants.save(request.toTenant(id, null, cipher, hosts));
        }).map(saved -> RestResponse.status(RestResponse.Status.CREATED, view(saved)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @Operation(summary = "One tenant with its schedules")
    public Uni<TenantView> one(@RestPath String id) {
        return existing(parse("id", id)).map(this::view);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a tenant; omitted passwords and secrets stay as stored; schedules apply at once")
    public Uni<TenantView> change(@RestPath String id, @Valid @NotNull TenantRequest request) {
        UUID tenantId = parse("id", id);
        if (request.id() != null && !parse("id", request.id()).equals(tenantId)) {
            throw new InvalidRequestException("id", "id in the body must be the path's tenant id or absent");
        }
        return existing(tenantId).chain(stored -> tenants.save(request.toTenant(tenantId, stored, cipher, hosts))).map(this::view);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(204)
    @Operation(summary = "Delete a tenant with its jobs, state, config cache and mock products; 409 while a job runs")
    public Uni<Void> delete(@RestPath String id) {
        UUID tenantId = parse("id", id);
        return existing(tenantId).chain(() -> tenants.deleteUnlessRunning(tenantId)).invoke(deleted -> {
            if (!deleted) {
                throw new ClientErrorException("Tenant " + tenantId + " has a job running; delete it when the job has ended", 409);
            }
        }).replaceWithVoid();
    }

    /** The body of POST /api/tenants/test-tenant. */
    public record TestTenantRequest(@Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String sandboxUrl,
                             @Pattern(regexp = "api|mock", message = "must be api or mock") String shopwareMode) {
    }

    @POST
    @Path("/test-tenant")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create (or reset) the default test tenant 00000000-0000-0000-0000-000000000001 pointing at the sandbox")
    public Uni<TenantView> testTenant(@Valid TestTenantRequest request) {
        String sandbox = request == null || request.sandboxUrl() == null ? TestTenant.DEFAULT_SANDBOX : request.sandboxUrl();
        String mode = request == null || request.shopwareMode() == null ? Tenant.MOCK : request.shopwareMode();
        return tenants.find(Tenant.TEST_TENANT)
                .chain(existing -> tenants.save(TestTenant.on(sandbox, mode).toTenant(Tenant.TEST_TENANT, existing.orElse(null), cipher, hosts)))
                .map(this::view);
    }

    private Uni<Tenant> existing(UUID id) {
        return tenants.find(id).map(found -> found.orElseThrow(() -> new NotFoundException("No tenant " + id)));
    }

    private TenantView view(Tenant tenant) {
        return TenantView.of(tenant, config.configSchedule(), config.productSchedule());
    }

    /** Tenant ids arrive as text in paths and bodies; a bad one is the caller's mistake, named. */
    public static UUID parse(String field, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException(field, field + " must be a UUID, was '" + value + "'");
        }
    }
}
