package dev.syncline.commons.trigger;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;

/**
 * Starts a job by calling the service's own endpoint with the cron secret, so a trigger from the
 * table is validated, single-flighted and recorded (trigger {@code cron}) exactly like a call from
 * an external cron over HTTP.
 */
@ApplicationScoped
public class LoopbackCall {

    public record Answer(int status, String body) {
    }

    private final HttpClient client;

    public LoopbackCall(Vertx vertx) {
        this.client = vertx.createHttpClient();
    }

    public Uni<Answer> post(String path, JsonObject body, String cronSecret, Duration timeout) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port())
                .setURI(path)
                .putHeader("Authorization", "Bearer " + cronSecret)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        return client.request(request)
                .chain(outgoing -> outgoing.send(Buffer.buffer(body.encode())))
                .chain(response -> response.body().map(answer -> new Answer(response.statusCode(), answer.toString())))
                .ifNoItem().after(timeout).fail();
    }

    /** The port the server listens on; with a random port Quarkus publishes the real one as a system property. */
    private static int port() {
        String name = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String published = System.getProperty(name);
        return published != null ? Integer.parseInt(published)
                : ConfigProvider.getConfig().getOptionalValue(name, Integer.class).orElse(8080);
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}
