package dev.syncline.catalog.support;

import dev.syncline.commons.testing.ServiceApiTest;

import java.util.Map;

/** Every catalog test starts from an empty schema, a small calm Plenty catalog and an empty shop. */
public abstract class CatalogTestBase extends ServiceApiTest {

    protected static final PlentySandbox PLENTY = PlentySandbox.MAIN;
    protected static final ShopwareSandbox SHOPWARE = ShopwareSandbox.MAIN;

    @Override
    protected void afterCleanSlate() {
        PLENTY.reset(60);
        PLENTY.faults(Map.of());
        SHOPWARE.reset();
    }
}
