package dev.syncline.magento.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.metrics.SyncMetrics;
import dev.syncline.commons.upstream.RetryAfter;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.time.temporal.ChronoUnit;

/**
 * Reads Magento orders page by page, politely: retries with exponential backoff and jitter on
 * 5xx, 429 (after the Retry-After Magento asks for), timeouts and broken pages; a circuit breaker
 * stops hammering a Magento that is down; a refused token is renewed once.
 */
@ApplicationScoped
public class MagentoClient {

    private static final String UPSTREAM = "magento";

    private final MagentoApi api;
    private final MagentoAuth auth;
    private final MagentoConfig config;
    private final ObjectMapper mapper;
    private final SyncMetrics metrics;

    public MagentoClient(@RestClient MagentoApi api, MagentoAuth auth, MagentoConfig config, ObjectMapper mapper,
                         SyncMetrics metrics) {
        this.api = api;
        this.auth = auth;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Orders with entity_id greater than {@code afterEntityId}, lowest first, at most {@code pageSize}. */
    @Retry(maxRetries = 8, delay = 250, jitter = 200, retryOn = MagentoUnavailableException.class,
            abortOn = MagentoRefusedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 20_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.8, delay = 30_000,
            failOn = MagentoUnavailableException.class)
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    public Uni<OrderPage> ordersAfter(long afterEntityId, int pageSize) {
        return auth.bearer()
                .chain(bearer -> fetch(bearer, afterEntityId, pageSize))
                .onFailure(TokenRefused.class).recoverWithUni(refused -> {
                    if (!auth.forgetAdminToken()) {
                        return Uni.createFrom().failure(new MagentoRefusedException(
                                "Magento refused the configured MAGENTO_TOKEN (HTTP 401)"));
                    }
                    return auth.bearer().chain(bearer -> fetch(bearer, afterEntityId, pageSize))
                            .onFailure(TokenRefused.class).transform(again -> new MagentoRefusedException(
                                    "Magento refused a freshly issued admin token (HTTP 401)"));
                });
    }

    private Uni<OrderPage> fetch(String bearer, long afterEntityId, int pageSize) {
        return api.orders(bearer, "entity_id", afterEntityId, "gt", "entity_id", "ASC", pageSize, 1)
                .invoke(() -> metrics.upstreamCall(UPSTREAM, 200))
                .map(body -> parse(body, afterEntityId))
                .onFailure(WebApplicationException.class).recoverWithUni(e -> answered((WebApplicationException) e))
                .onFailure(MagentoClient::isTransport).transform(e -> {
                    metrics.upstreamCall(UPSTREAM, 0);
                    return new MagentoUnavailableException("Magento could not be reached: " + e, e);
                });
    }

    /** Connection refused or reset, read timeout: anything that is not an answer Magento gave. */
    private static boolean isTransport(Throwable e) {
        return !(e instanceof MagentoUnavailableException || e instanceof MagentoRefusedException
                || e instanceof TokenRefused);
    }

    private OrderPage parse(byte[] body, long afterEntityId) {
        try {
            return mapper.readValue(body, OrderPage.class);
        } catch (IOException e) {
            throw new MagentoUnavailableException("Magento returned an unreadable orders page after entity_id "
                    + afterEntityId + ": " + e.getMessage(), e);
        }
    }

    private Uni<OrderPage> answered(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        metrics.upstreamCall(UPSTREAM, status);
        if (status == 401) {
            return Uni.createFrom().failure(new TokenRefused());
        }
        if (status == 429) {
            return RetryAfter.waitThenFail(e.getResponse().getHeaderString("Retry-After"), config.maxRetryAfter(),
                    new MagentoUnavailableException("Magento throttled the request (HTTP 429)"));
        }
        if (status >= 500) {
            return Uni.createFrom().failure(new MagentoUnavailableException("Magento failed with HTTP " + status
                    + messageOf(e)));
        }
        return Uni.createFrom().failure(new MagentoRefusedException("Magento rejected the orders request with HTTP "
                + status + messageOf(e)));
    }

    private String messageOf(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            JsonNode message = mapper.readTree(body).path("message");
            return message.isTextual() ? ": " + message.asText() : "";
        } catch (RuntimeException | IOException unreadable) {
            return "";
        }
    }

    /** Magento answered 401 to a token we sent; renewed once before giving up. */
    static final class TokenRefused extends RuntimeException {
        TokenRefused() {
            super("Magento refused the token (HTTP 401)", null, false, false);
        }
    }
}
