package dev.syncline.catalog.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.UpstreamRefused;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tenant's Shopware shop. A client-credentials token (Shopware gives 10 minutes) is renewed a
 * minute (a tenth of its lifetime, if shorter) before it expires and after a 401. {@link #upsertProducts} sends one sync request; Shopware
 * writes it as one transaction, so records it refused come back with their reasons and nothing of
 * the request was written.
 */
public final class ShopwareClient {

    static final String OPERATION = "syncline-products";
    static final Duration RENEW_MARGIN = Duration.ofSeconds(60);
    private static final Pattern RECORD_POINTER = Pattern.compile("/" + OPERATION + "/(\\d+)(/.*)?");

    private final ShopwareApi api;
    private final String clientId;
    private final String clientSecret;
    private final Upstream shopware;
    private final ObjectMapper mapper;
    private volatile String token;
    private volatile Instant renewAt = Instant.EPOCH;

    ShopwareClient(ShopwareApi api, String clientId, String clientSecret, Upstream shopware, ObjectMapper mapper) {
        this.api = api;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.shopware = shopware;
        this.mapper = mapper;
    }

    /** The records Shopware refused, by their index in the request, with Shopware's reason; empty when all were written. */
    public Uni<Map<Integer, String>> upsertProducts(List<ObjectNode> products) {
        ObjectNode operations = mapper.createObjectNode();
        ObjectNode upsert = operations.putObject(OPERATION).put("entity", "product").put("action", "upsert");
        upsert.putArray("payload").addAll(products);
        return shopware.call(() -> bearer().chain(bearer -> send(bearer, operations))
                .onFailure(TokenRefused.class).recoverWithUni(refused -> {
                    token = null;
                    return bearer().chain(bearer -> send(bearer, operations)).onFailure(TokenRefused.class)
                            .transform(again -> new UpstreamRefused("Shopware refused a freshly issued token (HTTP 401)"));
                }));
    }

    private Uni<Map<Integer, String>> send(String bearer, JsonNode operations) {
        return api.sync(bearer, "use-queue-indexing", operations)
                .onFailure(WebApplicationException.class).recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                .onFailure().transform(shopware::unreachable)
                .map(this::outcome);
    }

    private Map<Integer, String> outcome(Response response) {
        int status = response.getStatus();
        if (status == 401) {
            shopware.answered(401);
            throw new TokenRefused();
        }
        if (status == 400) {
            shopware.answered(400);
            return refusedRecords(body(response));
        }
        if (status >= 300) {
            throw shopware.status(status, response.getHeaderString("Retry-After"), firstDetail(body(response)));
        }
        shopware.answered(status);
        return Map.of();
    }

    /** Errors that point at records are those records' reasons; an error about the request as a whole refuses it. */
    private Map<Integer, String> refusedRecords(JsonNode body) {
        Map<Integer, String> refused = new TreeMap<>();
        List<String> general = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            String detail = error.path("detail").asText(error.path("title").asText("refused"));
            Matcher pointer = RECORD_POINTER.matcher(error.path("source").path("pointer").asText(""));
            if (pointer.matches()) {
                String field = pointer.group(2) == null ? "" : " (" + pointer.group(2).substring(1) + ")";
                refused.merge(Integer.parseInt(pointer.group(1)), "Shopware: " + detail + field, (a, b) -> a + "; " + b);
            } else {
                general.add(detail);
            }
        }
        if (refused.isEmpty()) {
            throw new UpstreamRefused("Shopware refused the sync request (HTTP 400): "
                    + (general.isEmpty() ? "no reason given" : String.join("; ", general)));
        }
        return refused;
    }

    private Uni<String> bearer() {
        if (token != null && Instant.now().isBefore(renewAt)) {
            return Uni.createFrom().item("Bearer " + token);
        }
        ObjectNode credentials = mapper.createObjectNode().put("grant_type", "client_credentials")
                .put("client_id", clientId).put("client_secret", clientSecret);
        return api.token(credentials)
                .onFailure(WebApplicationException.class).recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                .onFailure().transform(shopware::unreachable)
                .map(response -> {
                    int status = response.getStatus();
                    if (status == 400 || status == 401 || status == 403) {
                        shopware.answered(status);
                        throw new UpstreamRefused("Shopware refused the integration's client credentials (HTTP " + status + ")");
                    }
                    if (status >= 300) {
                        throw shopware.status(status, response.getHeaderString("Retry-After"), firstDetail(body(response)));
                    }
                    shopware.answered(status);
                    JsonNode body = body(response);
                    token = body.path("access_token").asText();
                    Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(600));
                    renewAt = Instant.now().plus(lifetime).minus(min(RENEW_MARGIN, lifetime.dividedBy(10)));
                    return "Bearer " + token;
                });
    }

    private JsonNode body(Response response) {
        try {
            String text = response.readEntity(String.class);
            return text == null || text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
        } catch (IOException | RuntimeException e) {
            throw shopware.unreadable("an answer", e);
        }
    }

    private static String firstDetail(JsonNode body) {
        JsonNode first = body.path("errors").path(0);
        return first.path("detail").asText(first.path("title").asText(""));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Shopware answered 401 to a token we sent; renewed once. */
    static final class TokenRefused extends RuntimeException {
        TokenRefused() {
            super("Shopware refused the token (HTTP 401)", null, false, false);
        }
    }
}
