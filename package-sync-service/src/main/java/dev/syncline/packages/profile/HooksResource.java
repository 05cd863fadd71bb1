package dev.syncline.packages.profile;

import dev.syncline.commons.security.Roles;
import dev.syncline.packages.pkg.ProfileSync;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.NotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * Calls from the booking app: a login (upserts the profile) and a new booking. Both start the
 * profile's package sync in the background and answer at once; while one runs, another is not started.
 */
@Path("/api/hooks")
@Tag(name = "Booking app hooks")
@RolesAllowed({Roles.ADMIN, Roles.CRON})
public class HooksResource {

    private final ProfileStore profiles;
    private final ProfileSync sync;

    public HooksResource(ProfileStore profiles, ProfileSync sync) {
        this.profiles = profiles;
        this.sync = sync;
    }

    public record Login(String profileId, String email, String phone, String name) {
    }

    public record BookingCreated(String profileId) {
    }

    public record Accepted(boolean success, String profileId, String sync) {
    }

    @POST
    @Path("/login")
    @Operation(summary = "A user logged in: keep the profile and sync its packages in the background")
    public Uni<RestResponse<Accepted>> login(Login login) {
        UUID id = ProfileIds.parse("profileId", login == null ? null : login.profileId());
        Profile profile = new Profile(id, blankToNull(login.email()), blankToNull(login.phone()), blankToNull(login.name()));
        return profiles.upsertOnLogin(profile).chain(() -> start(id));
    }

    @POST
    @Path("/booking-created")
    @Operation(summary = "A booking was made: sync the profile's packages in the background")
    public Uni<RestResponse<Accepted>> bookingCreated(BookingCreated booking) {
        UUID id = ProfileIds.parse("profileId", booking == null ? null : booking.profileId());
        return profiles.find(id)
                .map(found -> found.orElseThrow(() -> new NotFoundException("No profile " + id + "; a login creates it")))
                .chain(profile -> start(id));
    }

    private Uni<RestResponse<Accepted>> start(UUID id) {
        return sync.startInBackground(id).map(started -> RestResponse.accepted(
                new Accepted(true, id.toString(), started ? "started" : "already running")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
