package dev.syncline.sandbox;

import dev.syncline.sandbox.commerce.CommerceSimulator;
import dev.syncline.sandbox.crm.CrmSimulator;
import dev.syncline.sandbox.magento.MagentoSimulator;
import dev.syncline.sandbox.mailflow.MailflowReceiver;
import dev.syncline.sandbox.plenty.PlentySimulator;
import dev.syncline.sandbox.shopware.ShopwareSimulator;
import dev.syncline.sandbox.softone.SoftOneSimulator;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Every simulator, mounted on one router: the standalone app and the in-process test server both use this. */
public final class Sandbox {

    private final MagentoSimulator magento;
    private final MailflowReceiver mailflow;
    private final SoftOneSimulator softone;
    private final CrmSimulator crm;
    private final PlentySimulator plenty;
    private final ShopwareSimulator shopware;
    private final CommerceSimulator commerce;

    public Sandbox(Vertx vertx) {
        this.magento = new MagentoSimulator(vertx);
        this.mailflow = new MailflowReceiver();
        this.softone = new SoftOneSimulator(vertx);
        this.crm = new CrmSimulator(vertx);
        this.plenty = new PlentySimulator(vertx);
        this.shopware = new ShopwareSimulator(vertx);
        this.commerce = new CommerceSimulator(vertx);
    }

    public void mount(Router router) {
        magento.mount(router);
        mailflow.mount(router);
        softone.mount(router);
        crm.mount(router);
        plenty.mount(router);
        shopware.mount(router);
        commerce.mount(router);
        router.get("/sandbox").handler(c -> c.json(java.util.Map.of(
                "simulators", java.util.List.of("magento", "mailflow", "softone", "crm", "plenty", "shopware", "woocommerce", "shopify"))));
    }
}
