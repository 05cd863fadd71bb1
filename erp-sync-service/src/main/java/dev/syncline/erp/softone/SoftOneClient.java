package dev.syncline.erp.softone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.UpstreamRefused;
import dev.syncline.commons.upstream.Upstreams;
import dev.syncline.erp.trader.TraderKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Asks SoftOne for the traders changed since a window start and hands the rows on in batches as
 * they arrive. An in-band error (HTTP 200, success false) ends the call with SoftOne's own message,
 * since asking again would get the same answer; transport failures, 5xx and broken answers are
 * SoftOne's policy's to retry ({@link #attempts}).
 */
@ApplicationScoped
public class SoftOneClient {

    private final SoftOneApi api;
    private final SoftOneConfig config;
    private final ObjectMapper mapper;
    private final Upstream softone;

    public SoftOneClient(Vertx vertx, SoftOneConfig config, ObjectMapper mapper, Upstreams upstreams) {
        this.api = new SoftOneApi(vertx, config);
        this.config = config;
        this.mapper = mapper;
        this.softone = upstreams.named("softone", "SoftOne");
    }

    /**
     * Runs {@code attempt} under SoftOne's policy ({@code syncline.upstream.softone.*}): when SoftOne
     * fails mid-answer, the attempt fails (its transaction rolls back) and the whole window is read again.
     */
    public <T> Uni<T> attempts(Supplier<Uni<T>> attempt) {
        return softone.call(attempt);
    }

    /**
     * Streams the window to {@code writer}, one batch at a time and never two at once.
     *
     * @param windowStart SoftOne local time "yyyy-MM-dd HH:mm:ss", or null for every trader
     */
    public Uni<TraderWindow> changedSince(TraderKind kind, String windowStart, int batchSize,
                                          Function<List<JsonNode>, Uni<Void>> writer) {
        String path = kind == TraderKind.CUSTOMER ? config.customersPath() : config.suppliersPath();
        return Uni.createFrom().item(() -> query(windowStart))
                .chain(json -> api.post(path, json))
                .onFailure().transform(softone::unreachable)
                .chain(answer -> answer.status() == 200
                        ? read(answer, batchSize, writer)
                        : answer.body().collect().last().onItemOrFailure().transformToUni((ignored, failure) ->
                                Uni.createFrom().<TraderWindow>failure(softone.status(answer.status(), answer.retryAfter(), null))));
    }

    private Uni<TraderWindow> read(SoftOneApi.Answer answer, int batchSize, Function<List<JsonNode>, Uni<Void>> writer) {
        softone.answered(200);
        TraderStream stream;
        try {
            stream = new TraderStream(mapper, config.charset(), batchSize);
        } catch (IOException e) {
            throw new IllegalStateException("The JSON parser could not be created", e);
        }
        return answer.body()
                .onFailure().transform(softone::unreachable)
                .onItem().transformToUniAndConcatenate(chunk -> writeAll(parse(stream, chunk.getBytes()), writer))
                .collect().last()
                .chain(() -> finish(stream, writer));
    }

    private List<List<JsonNode>> parse(TraderStream stream, byte[] chunk) {
        try {
            return stream.feed(chunk);
        } catch (IOException e) {
            throw softone.unreadable("an answer", e);
        }
    }

    private static Uni<Void> writeAll(List<List<JsonNode>> batches, Function<List<JsonNode>, Uni<Void>> writer) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (List<JsonNode> batch : batches) {
            written = written.chain(() -> writer.apply(batch));
        }
        return written;
    }

    private Uni<TraderWindow> finish(TraderStream stream, Function<List<JsonNode>, Uni<Void>> writer) {
        TraderStream.Ending ending;
        try {
            ending = stream.end();
        } catch (IOException e) {
            throw softone.unreadable("an incomplete answer", e);
        }
        Map<String, JsonNode> envelope = ending.envelope();
        if (envelope.get("success") == null || !envelope.get("success").asBoolean(false)) {
            throw new UpstreamRefused("SoftOne: " + text(envelope, "error", text(envelope, "message", "no message"))
                    + (envelope.containsKey("errorcode") ? " (errorcode " + envelope.get("errorcode").asText() + ")" : ""));
        }
        if (text(envelope, "at", null) == null) {
            throw new UpstreamRefused("SoftOne answered without 'at', so the next window cannot start from it");
        }
        TraderWindow window = new TraderWindow(text(envelope, "at", null), text(envelope, "window_start", null),
                envelope.containsKey("total") ? envelope.get("total").asLong(ending.rows()) : ending.rows(), ending.rows());
        Uni<Void> last = ending.lastBatch().isEmpty() ? Uni.createFrom().voidItem() : writer.apply(ending.lastBatch());
        return last.replaceWith(window);
    }

    private String query(String windowStart) {
        try {
            return mapper.writeValueAsString(new TraderQuery(config.username(), config.password(), config.company(), windowStart));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The SoftOne query could not be written", e);
        }
    }

    private static String text(Map<String, JsonNode> envelope, String field, String fallback) {
        JsonNode value = envelope.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
