package dev.syncline.migration.platforms;

import dev.syncline.migration.shopify.ShopifyConnector;
import dev.syncline.migration.store.Platform;
import dev.syncline.migration.store.StoreConnector;
import dev.syncline.migration.woo.WooConnector;
import jakarta.enterprise.context.ApplicationScoped;

/** The connector of each platform. */
@ApplicationScoped
public class Stores {

    private final WooConnector woo;
    private final ShopifyConnector shopify;

    public Stores(WooConnector woo, ShopifyConnector shopify) {
        this.woo = woo;
        this.shopify = shopify;
    }

    public StoreConnector of(Platform platform) {
        return platform == Platform.WOOCOMMERCE ? woo : shopify;
    }
}
