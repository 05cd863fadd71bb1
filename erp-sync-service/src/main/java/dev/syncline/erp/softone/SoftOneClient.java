package dev.syncline.erp.softone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.metrics.SyncMetrics;
import dev.syncline.erp.trader.TraderKind;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks SoftOne for the traders changed since a window start. Transport failures and 5xx are
 * retried with backoff; an in-band error (HTTP 200, success false) ends the call with SoftOne's
 * own message, since asking again would get the same answer.
 */
@ApplicationScoped
public class SoftOneClient {

    private static final String UPSTREAM = "softone";

    private final SoftOneApi api;
    private final SoftOneConfig config;
    private final ObjectMapper mapper;
    private final SyncMetrics metrics;
    private final String baseUrl;

    public SoftOneClient(@RestClient SoftOneApi api, SoftOneConfig config, ObjectMapper mapper, SyncMetrics metrics,
                         @ConfigProperty(name = "quarkus.rest-client.softone.url") String baseUrl) {
        this.api = api;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** @param windowStart SoftOne local time "yyyy-MM-dd HH:mm:ss", or null for every trader */
    @Retry(maxRetries = 4, delay = 500, jitter = 250, retryOn = SoftOneUnavailableException.class,
            abortOn = SoftOneRefusedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 60_000,
            failOn = SoftOneUnavailableException.class)
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    public Uni<TraderWindow> changedSince(TraderKind kind, String windowStart) {
        String path = kind == TraderKind.CUSTOMER ? config.customersPath() : config.suppliersPath();
        TraderQuery query = new TraderQuery(config.username(), config.password(), config.company(), windowStart);
        return api.call(baseUrl + path, query)
                .invoke(() -> metrics.upstreamCall(UPSTREAM, 200))
                .map(this::parse)
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    metrics.upstreamCall(UPSTREAM, status);
                    return status >= 500 || status == 429
                            ? new SoftOneUnavailableException("SoftOne failed with HTTP " + status, e)
                            : new SoftOneRefusedException("SoftOne rejected the request with HTTP " + status);
                })
                .onFailure(e -> !(e instanceof SoftOneRefusedException || e instanceof SoftOneUnavailableException))
                .transform(e -> {
                    metrics.upstreamCall(UPSTREAM, 0);
                    return new SoftOneUnavailableException("SoftOne could not be reached: " + e, e);
                });
    }

    private TraderWindow parse(byte[] body) {
        JsonNode envelope;
        try {
            envelope = mapper.readTree(SoftOneText.decode(body));
        } catch (IOException e) {
            throw new SoftOneUnavailableException("SoftOne sent an unreadable answer: " + e.getMessage(), e);
        }
        if (!envelope.path("success").asBoolean(false)) {
            String message = envelope.path("error").asText(envelope.path("message").asText("no message"));
            String code = envelope.hasNonNull("errorcode") ? " (errorcode " + envelope.get("errorcode").asText() + ")" : "";
            throw new SoftOneRefusedException("SoftOne: " + message + code);
        }
        if (!envelope.hasNonNull("at")) {
            throw new SoftOneRefusedException("SoftOne answered without 'at', so the next window cannot start from it");
        }
        List<JsonNode> rows = new ArrayList<>();
        envelope.path("result").forEach(rows::add);
        long total = envelope.path("total").asLong(rows.size());
        return new TraderWindow(envelope.get("at").asText(), envelope.path("window_start").asText(null), total, rows);
    }
}
