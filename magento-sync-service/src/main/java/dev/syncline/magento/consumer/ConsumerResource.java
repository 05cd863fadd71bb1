package dev.syncline.magento.consumer;

import dev.syncline.commons.problem.InvalidRequestException;
import dev.syncline.commons.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** New consumers for mailflows, e.g. everyone created since yesterday's run. */
@Path("/api/admin/mailing/consumers")
@Tag(name = "Consumers")
@RolesAllowed({Roles.ADMIN, Roles.VIEWER})
public class ConsumerResource {

    static final int MAX_LIMIT = 1000;
    /** A consumer row cannot predate Unix time or lie beyond what PostgreSQL and people write as a year. */
    static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);

    private final ConsumerRepository consumers;

    public ConsumerResource(ConsumerRepository consumers) {
        this.consumers = consumers;
    }

    @GET
    @Operation(summary = "Consumers created since an instant (default: the last 24 hours), oldest first; page on with afterId")
    public Uni<ConsumerList> list(@QueryParam("createdSince") String createdSince,
                                  @QueryParam("source") @DefaultValue("magento_sync") @Size(max = 100) String source,
                                  @QueryParam("afterId") @DefaultValue("0") @PositiveOrZero long afterId,
                                  @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(MAX_LIMIT) int limit) {
        OffsetDateTime since = parseSince(createdSince);
        return consumers.createdSince(since, source, afterId, limit)
                .map(page -> new ConsumerList(true, page.stream().map(ConsumerView::of).toList(),
                        page.size() == limit ? page.get(page.size() - 1).id : null));
    }

    private static OffsetDateTime parseSince(String createdSince) {
        if (createdSince == null || createdSince.isBlank()) {
            return OffsetDateTime.now().minus(Duration.ofHours(24));
        }
        OffsetDateTime since;
        try {
            since = OffsetDateTime.parse(createdSince.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("createdSince",
                    "createdSince must be an ISO-8601 instant with offset, e.g. 2025-11-22T10:00:00Z");
        }
        if (since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
            throw new InvalidRequestException("createdSince",
                    "createdSince must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z, was " + createdSince.trim());
        }
        return since;
    }

    /** {@code nextAfterId} is set when there may be more: pass it as afterId. */
    public record ConsumerList(boolean success, List<ConsumerView> data, Long nextAfterId) {
    }
}
