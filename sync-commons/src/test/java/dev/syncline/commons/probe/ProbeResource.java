package dev.syncline.commons.probe;

import dev.syncline.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** A test-only endpoint standing in for a service's, to exercise the shared error and security handling. */
@Path("/probe")
public class ProbeResource {

    public record Settings(@Min(1) @Max(300) Integer batchSize, Boolean fullSync, @Valid Nested nested, String note) {
        public record Nested(@Min(0) Integer size) {
        }
    }

    public record Page(int limit, long afterId, Boolean verbose, String name) {
    }

    @POST
    @Path("/settings")
    @RolesAllowed(Roles.CRON)
    public Settings settings(@Valid Settings settings) {
        return settings;
    }

    @GET
    @Path("/page")
    @RolesAllowed(Roles.CRON)
    public Page page(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit,
                     @QueryParam("afterId") @DefaultValue("0") long afterId,
                     @QueryParam("verbose") Boolean verbose,
                     @QueryParam("name") String name) {
        return new Page(limit, afterId, verbose, name);
    }

    @GET
    @Path("/broken")
    @RolesAllowed(Roles.CRON)
    public String broken() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/admin-only")
    @RolesAllowed(Roles.ADMIN)
    public String adminOnly() {
        return "admin";
    }
}
