package dev.syncline.magento.consumer;

import dev.syncline.commons.problem.InvalidRequestException;
import dev.syncline.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** New consumers for mailflows, e.g. everyone created since yesterday's run. */
@Path("/api/admin/mailing/consumers")
@Tag(name = "Consumers")
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class ConsumerResource {

    static final int MAX_LIMIT = 1000;

    private final ConsumerRepository consumers;

    public ConsumerResource(ConsumerRepository consumers) {
        this.consumers = consumers;
    }

    @GET
    @Operation(summary = "Consumers created since an instant (default: the last 24 hours), oldest first; page on with afterId")
    public Uni<ConsumerList> list(@QueryParam("createdSince") String createdSince,
                                  @QueryParam("source") @DefaultValue("magento_sync") String source,
                                  @QueryParam("afterId") @DefaultValue("0") long afterId,
                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        OffsetDateTime since = parseSince(createdSince);
        return consumers.createdSince(since, source, afterId, limit)
                .map(page -> new ConsumerList(true, page,
                        page.size() == limit ? page.get(page.size() - 1).id : null));
    }

    private static OffsetDateTime parseSince(String createdSince) {
        if (createdSince == null || createdSince.isBlank()) {
            return OffsetDateTime.now().minus(Duration.ofHours(24));
        }
        try {
            return OffsetDateTime.parse(createdSince.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("createdSince",
                    "createdSince must be an ISO-8601 instant with offset, e.g. 2025-11-22T10:00:00Z");
        }
    }

    /** {@code nextAfterId} is set when there may be more: pass it as afterId. */
    public record ConsumerList(boolean success, List<Consumer> data, Long nextAfterId) {
    }
}
