package dev.syncline.catalog.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    /** Shopware's pointer at a field of a record of the request's only operation. */
    static final Pattern RECORD_POINTER = Pattern.compile("/0/(\\d+)(/.*)?");
    static final Duration RENEW_MARGIN = Duration.ofSeconds(60);
    /** Shopware answers at most this many records per search page. */
    static final int SEARCH_LIMIT = 500;

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
        return upsert("product", products);
    }

    /**
     * Upserts records of one entity in one sync request, written as the published request body has
     * it: a list of operations, so Shopware points at a record as {@code /0/<index>/<field>}. The
     * refused records by index, with Shopware's reasons.
     */
    public Uni<Map<Integer, String>> upsert(String entity, List<ObjectNode> records) {
        return upsert(entity, records, null);
    }

    /** As {@link #upsert(String, List)}, with the translated fields written in the shop language {@code languageId}. */
    public Uni<Map<Integer, String>> upsert(String entity, List<ObjectNode> records, String languageId) {
        ArrayNode operations = mapper.createArrayNode();
        operations.addObject().put("entity", entity).put("action", "upsert").putArray("payload").addAll(records);
        return authorized(bearer -> api.sync(bearer, "use-queue-indexing", languageId, operations),
                response -> outcome(response, RECORD_POINTER));
    }

    /**
     * Has Shopware download a file from a URL into a media entity. Null when stored; Shopware's
     * reason when it refused this file (a 4xx: no such media, a download that failed, a taken file
     * name), which concerns this file only; 5xx and 429 fail the call as any other.
     */
    public Uni<String> uploadFromUrl(String mediaId, String extension, String fileName, String url) {
        return authorized(bearer -> api.upload(bearer, mediaId, extension, fileName, mapper.createObjectNode().put("url", url)),
                response -> {
                    int status = response.getStatus();
                    if (status == 429 || status >= 500) {
                        throw shopware.status(status, response.getHeaderString("Retry-After"), firstDetail(body(response)));
                    }
                    shopware.answered(status);
                    if (status < 300) {
                        return null;
                    }
                    JsonNode error = body(response).path("errors").path(0);
                    return "HTTP " + status + " " + error.path("code").asText("") + ": "
                            + error.path("detail").asText(error.path("title").asText("refused"));
                });
    }

    /** Deletes records of one entity by id in one sync request; the refused ones by index, with Shopware's reasons. */
    public Uni<Map<Integer, String>> delete(String entity, List<String> ids) {
        ArrayNode operations = mapper.createArrayNode();
        ArrayNode payload = operations.addObject().put("entity", entity).put("action", "delete").putArray("payload");
        ids.forEach(id -> payload.addObject().put("id", id));
        return authorized(bearer -> api.sync(bearer, "use-queue-indexing", null, operations), response -> outcome(response, RECORD_POINTER));
    }

    /**
     * Every record of an entity that matches the criteria (filter, includes), page by page at
     * Shopware's largest page size.
     */
    public Uni<List<JsonNode>> search(String entity, ObjectNode criteria) {
        List<JsonNode> found = new ArrayList<>();
        return searchPage(entity, criteria, 1, found).replaceWith(found);
    }

    private Uni<Void> searchPage(String entity, ObjectNode criteria, int page, List<JsonNode> found) {
        ObjectNode paged = criteria.deepCopy().put("page", page).put("limit", SEARCH_LIMIT);
        return authorized(bearer -> api.search(bearer, entity, paged), response -> {
            if (response.getStatus() >= 300) {
                throw shopware.status(response.getStatus(), response.getHeaderString("Retry-After"), firstDetail(body(response)));
            }
            shopware.answered(response.getStatus());
            JsonNode data = body(response).path("data");
            if (!data.isArray()) {
                throw shopware.unreadable("a search answer without data", null);
            }
            data.forEach(found::add);
            return data.size();
        }).chain(size -> size == SEARCH_LIMIT ? searchPage(entity, criteria, page + 1, found) : Uni.createFrom().voidItem());
    }

    /** A call with a valid token; after a 401 once more with a fresh one. */
    private <T> Uni<T> authorized(java.util.function.Function<String, Uni<Response>> call, java.util.function.Function<Response, T> reader) {
        return shopware.call(() -> bearer().chain(bearer -> answered(call.apply(bearer), reader))
                .onFailure(TokenRefused.class).recoverWithUni(refused -> {
                    token = null;
                    return bearer().chain(bearer -> answered(call.apply(bearer), reader)).onFailure(TokenRefused.class)
                            .transform(again -> new UpstreamRefused("Shopware refused a freshly issued token (HTTP 401)"));
                }));
    }

    private <T> Uni<T> answered(Uni<Response> call, java.util.function.Function<Response, T> reader) {
        return call.onFailure(WebApplicationException.class).recoverWithItem(e -> ((WebApplicationException) e).getResponse())
                .onFailure().transform(shopware::unreachable)
                .map(response -> {
                    if (response.getStatus() == 401) {
                        shopware.answered(401);
                        throw new TokenRefused();
                    }
                    return reader.apply(response);
                });
    }

    private Map<Integer, String> outcome(Response response, Pattern pointer) {
        int status = response.getStatus();
        if (status == 401) {
            shopware.answered(401);
            throw new TokenRefused();
        }
        if (status == 400) {
            shopware.answered(400);
            return refusedRecords(body(response), pointer);
        }
        if (status >= 300) {
            throw shopware.status(status, response.getHeaderString("Retry-After"), firstDetail(body(response)));
        }
        shopware.answered(status);
        return Map.of();
    }

    /** Errors that point at records are those records' reasons; an error about the request as a whole refuses it. */
    private Map<Integer, String> refusedRecords(JsonNode body, Pattern recordPointer) {
        Map<Integer, String> refused = new TreeMap<>();
        List<String> general = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            String detail = error.path("detail").asText(error.path("title").asText("refused"));
            Matcher pointer = recordPointer.matcher(error.path("source").path("pointer").asText(""));
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
