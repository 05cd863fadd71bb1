package dev.syncline.commons.probe;

import dev.syncline.commons.problem.InvalidRequestException;
import dev.syncline.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A test-only endpoint standing in for a service's, to exercise the shared error and security handling. */
@Path("/probe")
public class ProbeResource {

    public record Settings(Integer batchSize, Boolean fullSync, Nested nested) {
        public record Nested(Integer size) {
        }
    }

    @POST
    @Path("/settings")
    @RolesAllowed(Roles.CRON)
    public Settings settings(Settings settings) {
        if (settings != null && settings.batchSize() != null && settings.batchSize() < 1) {
            throw new InvalidRequestException("batchSize", "batchSize must be at least 1");
        }
        return settings;
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
