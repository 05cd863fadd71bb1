package dev.syncline.e2e;

import dev.syncline.e2e.E2eSystem.Service;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The alert path end to end: runs fail against the sandbox, the ledger counts them, the service
 * exports the streak, Prometheus (deploy/e2e/prometheus.sh, the rules of deploy/prometheus)
 * scrapes it and fires the alert.
 */
class AlertsIT {

    static final String PROMETHEUS = "http://127.0.0.1:9190";

    @BeforeAll
    static void start() {
        E2eSystem.start();
    }

    /**
     * SoftOne answers again, and a customer sync succeeds before the next test: the failures
     * opened the service's circuit breaker for SoftOne (it stays open for its delay, 60 s).
     */
    @AfterEach
    void calmSoftOne() {
        given().contentType(ContentType.JSON).body(Map.of()).put(E2eSystem.SANDBOX + "/sandbox/softone/faults")
                .then().statusCode(200);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (AdminEndpointsIT.cron(Service.ERP).body(Map.of()).post("/api/cron/sync-customers").statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no customer sync succeeded within 3 minutes after SoftOne recovered");
            }
            AdminEndpointsIT.sleep(2000);
        }
    }

    @Test
    void threeFailedCustomerSyncsInARowFireSynclineJobFailing() {
        given().contentType(ContentType.JSON).body(Map.of("customers", 20, "suppliers", 5))
                .post(E2eSystem.SANDBOX + "/sandbox/softone/reset").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("errorRate", 1.0))
                .put(E2eSystem.SANDBOX + "/sandbox/softone/faults").then().statusCode(200);

        for (int i = 0; i < 3; i++) {
            // Synchronous: answers once the run has ended, here in error after its retries (502 naming the run).
            AdminEndpointsIT.cron(Service.ERP).body(Map.of()).post("/api/cron/sync-customers").then().statusCode(502);
        }
        JsonPath latest = AdminEndpointsIT.cron(Service.ERP).queryParam("job", "erp-customers").get("/api/runs")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("error", latest.getString("[0].status"));

        Map<String, String> alert = awaitFiring("SynclineJobFailing", "erp-customers");
        assertEquals("erp-sync-service", alert.get("job"));
        assertEquals("critical", alert.get("severity"));
        assertEquals("erp-customers failed 3 times in a row", alerts().stream()
                .filter(firing -> "SynclineJobFailing".equals(labels(firing).get("alertname")))
                .map(firing -> ((Map<?, ?>) firing.get("annotations")).get("summary")).findFirst().orElseThrow());
    }

    /** Polls Prometheus' alerts API until the alert fires for the job; its labels. */
    static Map<String, String> awaitFiring(String alertName, String syncJob) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            for (Map<String, Object> alert : alerts()) {
                Map<String, String> labels = labels(alert);
                if (alertName.equals(labels.get("alertname")) && syncJob.equals(labels.get("sync_job"))
                        && "firing".equals(alert.get("state"))) {
                    return labels;
                }
            }
            AdminEndpointsIT.sleep(500);
        }
        throw new AssertionError(alertName + " for " + syncJob + " did not fire within 2 minutes; "
                + given().get(PROMETHEUS + "/api/v1/alerts").asString());
    }

    static List<Map<String, Object>> alerts() {
        return given().get(PROMETHEUS + "/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("data.alerts");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> labels(Map<String, Object> alert) {
        return (Map<String, String>) alert.get("labels");
    }
}
