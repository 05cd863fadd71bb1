package dev.syncline.sandbox;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Mounts the simulators on the standalone sandbox app's HTTP server. */
@ApplicationScoped
public class SandboxRoutes {

    void mount(@Observes Router router, Vertx vertx) {
        new Sandbox(vertx).mount(router);
        Log.info("Sandbox simulators mounted: Magento under /rest, control API under /sandbox");
    }
}
