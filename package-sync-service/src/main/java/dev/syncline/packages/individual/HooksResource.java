package dev.syncline.packages.individual;

import dev.syncline.commons.security.Roles;
import dev.syncline.packages.profile.Profile;
import dev.syncline.packages.profile.ProfileIds;
import dev.syncline.packages.profile.ProfileStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * Calls from the booking app: a login (keeps the profile) and a new booking. Both request the
 * profile's package sync and answer at once, however many arrive; the sync runs shortly after on
 * some replica, and a storm of requests for one profile is one sync.
 */
@Path("/api/hooks")
@Tag(name = "Booking app hooks")
@RolesAllowed({Roles.ADMIN, Roles.CRON})
public class HooksResource {

    private final ProfileStore profiles;
    private final ProfileSyncQueue queue;

    public HooksResource(ProfileStore profiles, ProfileSyncQueue queue) {
        this.profiles = profiles;
        this.queue = queue;
    }

    public record Login(String profileId, @Size(max = 320) String email, @Size(max = 64) String phone,
                        @Size(max = 200) String name) {
    }

    public record BookingCreated(String profileId) {
    }

    public record Accepted(boolean success, String profileId, String sync) {
    }

    @POST
    @Path("/login")
    @ResponseStatus(202)
    @Operation(summary = "A user logged in: keep the profile and sync its packages in the background")
    public Uni<RestResponse<Accepted>> login(@Valid Login login) {
        UUID id = ProfileIds.parse("profileId", login == null ? null : login.profileId());
        Profile profile = new Profile(id, blankToNull(login.email()), blankToNull(login.phone()), blankToNull(login.name()));
        return profiles.upsertOnLogin(profile).map(busy -> accepted(id, busy));
    }

    @POST
    @Path("/booking-created")
    @ResponseStatus(202)
    @Operation(summary = "A booking was made: sync the profile's packages in the background")
    public Uni<RestResponse<Accepted>> bookingCreated(BookingCreated booking) {
        UUID id = ProfileIds.parse("profileId", booking == null ? null : booking.profileId());
        return profiles.requestSync(id).map(busy -> accepted(id,
                busy.orElseThrow(() -> new NotFoundException("No profile " + id + "; a login creates it"))));
    }

    private RestResponse<Accepted> accepted(UUID id, boolean busy) {
        queue.wake();
        return RestResponse.accepted(new Accepted(true, id.toString(), busy ? "already running" : "started"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
