package dev.syncline.erp.softone;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * SoftOne's custom JS web services: one POST with a JSON body, whose answer is read as a stream of
 * byte chunks with back-pressure, so a window of any size passes through bounded memory. (The REST
 * client would hold the whole answer.)
 */
final class SoftOneApi {

    private final HttpClient http;
    private final SoftOneConfig config;

    SoftOneApi(Vertx vertx, SoftOneConfig config) {
        this.config = config;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(4));
    }

    /** An answer: its status, a header, and its body as chunks (to be subscribed once). */
    record Answer(int status, String retryAfter, Multi<Buffer> body) {
    }

    Uni<Answer> post(String path, String json) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(config.url().replaceAll("/+$", "") + path)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Accept", "application/json")
                .setIdleTimeout(config.readTimeout().toMillis());
        return http.request(request)
                .chain(sent -> sent.send(Buffer.buffer(json)))
                .map(response -> new Answer(response.statusCode(), response.getHeader("Retry-After"), response.toMulti()));
    }
}
