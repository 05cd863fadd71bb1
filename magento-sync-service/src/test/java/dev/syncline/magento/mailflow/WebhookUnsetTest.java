package dev.syncline.magento.mailflow;

import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import dev.syncline.commons.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without MAILFLOW_WEBHOOK_URL events stay in the outbox, and delivery rounds pass quietly. */
@QuarkusTest
@TestProfile(WebhookUnsetTest.NoWebhook.class)
class WebhookUnsetTest extends SyncTestBase {

    public static class NoWebhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mailflow.webhook-url", "", "quarkus.rest-client.mailflow.url", "");
        }
    }

    @Inject
    OutboxDelivery delivery;

    @Test
    void eventsWaitInTheOutboxAndARoundIsNoError() {
        SandboxControl.resetMagento(Map.of("orders", 60));
        SyncApi.syncAndWait(Map.of("fullSync", true));
        long events = TestDatabase.queryLong("select count(*) from magento_sync.outbox_event");
        assertTrue(events > 0, "the sync wrote consumer_signup events");

        assertDoesNotThrow(() -> delivery.deliverDue().await().atMost(Duration.ofSeconds(10)));

        assertEquals(events, TestDatabase.queryLong("select count(*) from magento_sync.outbox_event where delivered_at is null"));
    }
}
