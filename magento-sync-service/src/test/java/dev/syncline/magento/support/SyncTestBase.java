package dev.syncline.magento.support;

import dev.syncline.commons.testing.ServiceApiTest;
import dev.syncline.commons.testing.TestDatabase;

import java.util.Map;

/** Every sync test starts from an empty schema, a calm sandbox and closed circuit breakers. */
public abstract class SyncTestBase extends ServiceApiTest {

    @Override
    protected void afterCleanSlate() {
        SandboxControl.faults(Map.of());
        SandboxControl.clearMailflow();
    }

    protected static long consumerCount() {
        return TestDatabase.queryLong("select count(*) from magento_sync.consumer");
    }

    protected static long watermark() {
        return TestDatabase.queryLong("select coalesce(max(last_entity_id), 0) from magento_sync.sync_status");
    }
}
