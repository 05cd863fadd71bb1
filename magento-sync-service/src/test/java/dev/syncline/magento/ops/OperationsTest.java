package dev.syncline.magento.ops;

import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What an operator looks at: health, metrics, the API description. */
@QuarkusTest
class OperationsTest extends SyncTestBase {

    @Test
    void readinessCoversTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountRunsRecordsAndUpstreamCalls() {
        SandboxControl.resetMagento(Map.of("orders", 200));
        SyncApi.syncAndWait(Map.of("fullSync", true));

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("syncline_runs_total{job=\"magento-consumers\",status=\"partial\"}"))
                .body(containsString("syncline_records_total{job=\"magento-consumers\",outcome=\"created\"}"))
                .body(containsString("syncline_records_total{job=\"magento-consumers\",outcome=\"rejected\"}"))
                .body(containsString("syncline_run_duration_seconds_count{job=\"magento-consumers\"}"))
                .body(containsString("syncline_upstream_calls_total{status=\"200\",upstream=\"magento\"}"));
    }

    @Test
    void theApiIsDescribed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/admin/mailing/sync-customers"))
                .body(containsString("/api/runs/{id}/rejected"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
                dev.syncline.commons.testing.ApiDescription.answersWithoutSchema());
    }
}
