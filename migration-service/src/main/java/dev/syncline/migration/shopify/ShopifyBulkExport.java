package dev.syncline.migration.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.UpstreamRefused;
import dev.syncline.commons.upstream.UpstreamUnavailable;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.parsetools.RecordParser;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Shopify's bulk query operations: started with {@code bulkOperationRunQuery}, polled until they
 * end, their JSONL result streamed line by line (never held whole). A shop runs one bulk query at a
 * time; a start refused with OPERATION_IN_PROGRESS (another comparison's, or another app's export)
 * waits for it and tries again.
 */
final class ShopifyBulkExport {

    /** One GraphQL call through the connector's cost budget, answering the {@code data}. */
    @FunctionalInterface
    interface Call {
        Uni<JsonNode> query(String document, Map<String, Object> variables, double estimate);
    }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(2);
    /** Long enough for another export of a large shop; a shop that stays busy longer is an error in words. */
    private static final int MAX_BUSY_RETRIES = 900;

    private final Call call;
    private final HttpClient downloads;
    private final Upstream shopify;
    private final ObjectMapper mapper;

    ShopifyBulkExport(Call call, HttpClient downloads, Upstream shopify, ObjectMapper mapper) {
        this.call = call;
        this.downloads = downloads;
        this.shopify = shopify;
        this.mapper = mapper;
    }

    /** The export's lines, parsed, in the file's order; {@code what} names it in errors ("the orders"). */
    Multi<JsonNode> lines(String startDocument, String what) {
        return start(startDocument, what, 0)
                .chain(id -> completed(id, what))
                .onItem().transformToMulti(this::download)
                .map(this::read);
    }

    private Uni<String> start(String document, String what, int busy) {
        return call.query(document, Map.of(), 10).chain(data -> {
            JsonNode payload = data.path("bulkOperationRunQuery");
            JsonNode errors = payload.path("userErrors");
            if (errors.isEmpty()) {
                return Uni.createFrom().item(payload.path("bulkOperation").path("id").asText());
            }
            if (!"OPERATION_IN_PROGRESS".equals(errors.get(0).path("code").asText()) || busy >= MAX_BUSY_RETRIES) {
                return Uni.createFrom().failure(new UpstreamRefused("Shopify refused to start a bulk export of " + what + ": "
                        + ShopifyConnector.messages(errors)));
            }
            if (busy == 0) {
                Log.infof("Shopify is running another bulk export; the export of %s waits for it", what);
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(BUSY_RETRY).chain(() -> start(document, what, busy + 1));
        });
    }

    private Uni<String> completed(String id, String what) {
        return call.query(ShopifyQueries.BULK_OPERATION, Map.of("id", id), 1)
                .map(data -> data.path("node"))
                .chain(operation -> switch (operation.path("status").asText()) {
                    case "COMPLETED" -> Uni.createFrom().item(operation.path("url").asText(""));
                    case "FAILED", "CANCELED", "CANCELING", "EXPIRED" -> Uni.createFrom().failure(new UpstreamUnavailable(
                            "Shopify's bulk export of " + what + " ended " + operation.path("status").asText()
                                    + " (" + operation.path("errorCode").asText("") + ")"));
                    default -> Uni.createFrom().voidItem().onItem().delayIt().by(POLL).chain(() -> completed(id, what));
                });
    }

    /** A completed export of nothing has no URL: no lines. */
    private Multi<String> download(String url) {
        if (url.isBlank()) {
            return Multi.createFrom().empty();
        }
        URI uri = URI.create(url);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url);
        return downloads.request(request).chain(r -> r.send())
                .onFailure().transform(shopify::unreachable)
                .onItem().transformToMulti(response -> {
                    if (response.statusCode() >= 300) {
                        return Multi.createFrom().failure(new UpstreamUnavailable("Shopify's bulk result at " + uri.getHost()
                                + " answered HTTP " + response.statusCode()));
                    }
                    return RecordParser.newDelimited("\n", response).toMulti().map(buffer -> buffer.toString().trim())
                            .filter(line -> !line.isEmpty());
                });
    }

    private JsonNode read(String line) {
        try {
            return mapper.readTree(line);
        } catch (IOException e) {
            throw shopify.unreadable("a bulk result line", e);
        }
    }
}
