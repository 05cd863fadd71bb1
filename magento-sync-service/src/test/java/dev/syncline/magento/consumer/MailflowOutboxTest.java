package dev.syncline.magento.consumer;

import dev.syncline.commons.testing.TestTokens;
import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import dev.syncline.commons.testing.MetricsText;
import dev.syncline.magento.mailflow.OutboxMetrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New consumers reach the mailing tool once each; duplicates never do. */
@QuarkusTest
class MailflowOutboxTest extends SyncTestBase {

    @Inject
    OutboxMetrics outboxMetrics;

    @Test
    void everyNewConsumerIsDeliveredOnceAndDuplicatesProduceNoEvent() {
        SandboxControl.resetMagento(Map.of("orders", 800));
        given().baseUri(SandboxControl.url()).contentType("application/json").body(Map.of("failNext", 3))
                .put("/sandbox/mailflow/faults").then().statusCode(200);

        SyncApi.syncAndWait(Map.of("fullSync", true));
        long consumers = consumerCount();
        awaitDelivered(consumers);

        SyncApi.syncAndWait(Map.of("fullSync", true));
        SyncApi.syncAndWait(Map.of());

        assertEquals(consumers, consumerCount(), "re-reading the same orders creates nobody");
        awaitDelivered(consumers);
        List<Integer> ids = SandboxControl.mailflowEvents().getList("consumerId", Integer.class);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no consumer announced twice");
        assertEquals("consumer_signup", SandboxControl.mailflowEvents().getString("[0].type"));
    }

    @Test
    void newConsumersAreListedForMailflows() {
        SandboxControl.resetMagento(Map.of("orders", 150));
        SyncApi.syncAndWait(Map.of("fullSync", true));
        long consumers = consumerCount();

        given().auth().oauth2(TestTokens.viewer())
                .queryParam("createdSince", "2000-01-01T00:00:00Z").queryParam("source", "magento_sync")
                .queryParam("limit", 1000)
                .get("/api/admin/mailing/consumers").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.size()", equalTo((int) consumers))
                .body("data[0].source", equalTo("magento_sync"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("createdSince", "2999-01-01T00:00:00Z")
                .get("/api/admin/mailing/consumers").then().statusCode(200)
                .body("data.size()", equalTo(0));
    }

    @Test
    void aPausedDeliveryJobDeliversNothingUntilResumed() {
        SandboxControl.resetMagento(Map.of("orders", 60));
        given().auth().oauth2(TestTokens.admin()).post("/api/jobs/mailflow-outbox-delivery/pause").then().statusCode(200)
                .body("paused", equalTo(true));

        SyncApi.syncAndWait(Map.of("fullSync", true));
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() ->
                SandboxControl.mailflowEvents().getList("consumerId").isEmpty());

        given().auth().oauth2(TestTokens.admin()).post("/api/jobs/mailflow-outbox-delivery/resume").then().statusCode(200);
        awaitDelivered(consumerCount());
    }

    @Test
    void theBacklogAndItsOldestEventShowInTheMetricsUntilDelivered() {
        SandboxControl.resetMagento(Map.of("orders", 60));
        given().auth().oauth2(TestTokens.admin()).post("/api/jobs/mailflow-outbox-delivery/pause").then().statusCode(200);
        SyncApi.syncAndWait(Map.of("fullSync", true));
        long consumers = consumerCount();

        outboxMetrics.refresh().await().atMost(Duration.ofSeconds(10));
        MetricsText backlog = MetricsText.scrape();
        assertEquals(consumers, backlog.value("syncline_mailflow_outbox_pending"));
        double oldest = backlog.value("syncline_mailflow_outbox_oldest_seconds");
        assertTrue(oldest > 0 && oldest < 600, "the oldest event was written by this sync, not " + oldest + " s ago");

        given().auth().oauth2(TestTokens.admin()).post("/api/jobs/mailflow-outbox-delivery/resume").then().statusCode(200);
        awaitDelivered(consumers);
        outboxMetrics.refresh().await().atMost(Duration.ofSeconds(10));
        MetricsText drained = MetricsText.scrape();
        assertEquals(0, drained.value("syncline_mailflow_outbox_pending"));
        assertEquals(0, drained.value("syncline_mailflow_outbox_oldest_seconds"));
    }

    @Test
    void aFailingWebhookIsRetriedAndItsReasonKeptInWords() {
        SandboxControl.resetMagento(Map.of("orders", 20));
        given().baseUri(SandboxControl.url()).contentType("application/json").body(Map.of("failNext", 1000))
                .put("/sandbox/mailflow/faults").then().statusCode(200);

        SyncApi.syncAndWait(Map.of("fullSync", true));

        await().atMost(Duration.ofSeconds(10)).until(() -> dev.syncline.commons.testing.TestDatabase.queryLong(
                "select count(*) from magento_sync.outbox_event where last_error is not null") > 0);
        String reason = dev.syncline.commons.testing.TestDatabase.queryString(
                "select last_error from magento_sync.outbox_event where last_error is not null limit 1");
        assertEquals("The mailing webhook failed with HTTP 503", reason.replaceAll(":.*", ""));
    }

    private static void awaitDelivered(long expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertEquals(expected, SandboxControl.mailflowEvents().getList("consumerId").size()));
    }
}
