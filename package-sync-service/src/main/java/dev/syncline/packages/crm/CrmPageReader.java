package dev.syncline.packages.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.metrics.SyncMetrics;
import dev.syncline.commons.upstream.RetryAfter;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One page of a PostgREST read, politely: retried with backoff on 5xx, 429 and transport failures. */
@ApplicationScoped
public class CrmPageReader {

    private static final String UPSTREAM = "crm";
    /** The longest Retry-After honoured; a page read never sleeps longer. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final CrmApi api;
    private final CrmConfig config;
    private final ObjectMapper mapper;
    private final SyncMetrics metrics;

    public CrmPageReader(@RestClient CrmApi api, CrmConfig config, ObjectMapper mapper, SyncMetrics metrics) {
        this.api = api;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Rows {@code from} to {@code from + size - 1} (the server may send fewer) and the exact total. */
    @Retry(maxRetries = 5, delay = 200, jitter = 100, retryOn = CrmUnavailableException.class,
            abortOn = CrmRefusedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.8, delay = 30_000, failOn = CrmUnavailableException.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public Uni<CrmPage> page(String table, Map<String, String> query, long from, int size) {
        return api.read(table, query, config.key(), "Bearer " + config.key(), from + "-" + (from + size - 1), "count=exact")
                .map(this::toPage)
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    Response response = ((WebApplicationException) e).getResponse();
                    RuntimeException failure = answered(response);
                    return response.getStatus() == 429
                            ? RetryAfter.waitThenFail(response.getHeaderString("Retry-After"), MAX_RETRY_AFTER, failure)
                            : Uni.createFrom().<CrmPage>failure(failure);
                })
                .onFailure(e -> !(e instanceof CrmRefusedException || e instanceof CrmUnavailableException))
                .transform(e -> {
                    metrics.upstreamCall(UPSTREAM, 0);
                    return new CrmUnavailableException("The CRM could not be reached: " + e, e);
                });
    }

    private CrmPage toPage(Response response) {
        if (response.getStatus() >= 400) {
            throw answered(response);
        }
        metrics.upstreamCall(UPSTREAM, response.getStatus());
        try {
            JsonNode rows = mapper.readTree(response.readEntity(String.class));
            List<JsonNode> list = new ArrayList<>();
            rows.forEach(list::add);
            return new CrmPage(list, ContentRange.parse(response.getHeaderString("Content-Range")).total());
        } catch (IOException e) {
            throw new CrmUnavailableException("The CRM sent an unreadable page: " + e.getMessage(), e);
        }
    }

    private RuntimeException answered(Response response) {
        int status = response.getStatus();
        metrics.upstreamCall(UPSTREAM, status);
        String message = "";
        try {
            message = mapper.readTree(response.readEntity(String.class)).path("message").asText("");
        } catch (RuntimeException | IOException unreadable) {
            // the status says enough
        }
        String detail = "The CRM answered HTTP " + status + (message.isEmpty() ? "" : ": " + message);
        return status >= 500 || status == 429 ? new CrmUnavailableException(detail, null) : new CrmRefusedException(detail);
    }

    /** A page of rows and, when PostgREST counted, the total matching rows. */
    public record CrmPage(List<JsonNode> rows, Long total) {
    }
}
