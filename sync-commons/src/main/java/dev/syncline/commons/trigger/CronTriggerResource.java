package dev.syncline.commons.trigger;

import dev.syncline.commons.problem.InvalidParameterException;
import dev.syncline.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/** What the trigger channel did: the latest rows of {@code cron_trigger} with the job's answers. */
@Path("/api/cron-triggers")
@Tag(name = "Cron triggers", description = "Jobs started from the cron_trigger table")
public class CronTriggerResource {

    private final CronTriggers triggers;
    private final TriggerChannelConfig config;
    private final TriggerListener listener;

    public CronTriggerResource(CronTriggers triggers, TriggerChannelConfig config, TriggerListener listener) {
        this.triggers = triggers;
        this.config = config;
        this.listener = listener;
    }

    public record TriggerHistory(boolean listening, Set<String> jobs, List<CronTriggers.TriggerView> triggers) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.CRON})
    @Operation(summary = "The jobs a trigger row may name, whether this replica listens, and the latest triggers with their answers")
    public Uni<TriggerHistory> latest(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidParameterException("limit", "Parameter 'limit' must be between 1 and 500, was " + limit);
        }
        return triggers.latest(limit).map(rows -> new TriggerHistory(listener.listening(), config.jobs().keySet(), rows));
    }
}
