package dev.syncline.sandbox;

import dev.syncline.sandbox.magento.MagentoSimulator;
import dev.syncline.sandbox.mailflow.MailflowReceiver;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Every simulator, mounted on one router: the standalone app and the in-process test server both use this. */
public final class Sandbox {

    private final MagentoSimulator magento;
    private final MailflowReceiver mailflow;

    public Sandbox(Vertx vertx) {
        this.magento = new MagentoSimulator(vertx);
        this.mailflow = new MailflowReceiver();
    }

    public void mount(Router router) {
        magento.mount(router);
        mailflow.mount(router);
        router.get("/sandbox").handler(c -> c.json(java.util.Map.of(
                "simulators", java.util.List.of("magento", "mailflow"))));
    }
}
