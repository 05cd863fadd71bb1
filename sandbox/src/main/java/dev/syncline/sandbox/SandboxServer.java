package dev.syncline.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.util.concurrent.TimeUnit;

/** The sandbox on its own Vert.x instance, for tests that run it inside their JVM on a free port. */
public final class SandboxServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private SandboxServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static SandboxServer start() {
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new Sandbox(vertx).mount(router);
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new SandboxServer(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("The sandbox could not start", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The sandbox did not stop cleanly", e);
        }
    }
}
