package dev.syncline.migration.support;

import dev.syncline.commons.testing.ServiceApiTest;

/** Every migration test starts from an empty schema and a freshly generated pair of small stores. */
public abstract class MigrationTestBase extends ServiceApiTest {

    @Override
    protected void afterCleanSlate() {
        CommerceSandbox.resetSmall();
        // A Plus store's bucket, so tests do not wait on the Standard plan's 100 points/s; the throttling tests lower it.
        CommerceSandbox.put("/sandbox/shopify/limits", java.util.Map.of("maximumAvailable", 20000, "restoreRate", 1000));
    }
}
