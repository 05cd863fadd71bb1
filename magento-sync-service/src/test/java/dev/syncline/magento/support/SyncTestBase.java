package dev.syncline.magento.support;

import dev.syncline.commons.testing.TestDatabase;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/** Every sync test starts from an empty schema, a calm sandbox and closed circuit breakers. */
@MagentoTestResources
public abstract class SyncTestBase {

    @Inject
    protected CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.execute(
                "truncate magento_sync.outbox_event, magento_sync.consumer, magento_sync.rejected_record, magento_sync.sync_run restart identity cascade",
                "update magento_sync.sync_status set last_entity_id = null, last_sync_at = null, status = 'stopped', "
                        + "total_processed = 0, total_created = 0, total_errors = 0, last_error = null");
        SandboxControl.faults(Map.of());
        SandboxControl.clearMailflow();
        circuitBreakers.resetAll();
    }

    protected static long consumerCount() {
        return TestDatabase.queryLong("select count(*) from magento_sync.consumer");
    }

    protected static long watermark() {
        return TestDatabase.queryLong("select coalesce(max(last_entity_id), 0) from magento_sync.sync_status");
    }
}
