package dev.syncline.erp.support;

import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Every test starts from empty tables, a fresh ERP and closed circuit breakers. */
@ErpTestResources
public abstract class ErpTestBase {

    @Inject
    protected CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.execute("truncate erp_sync.erp_customer, erp_sync.erp_supplier, erp_sync.sync_window, "
                + "erp_sync.rejected_record, erp_sync.sync_run, erp_sync.job_pause restart identity cascade");
        circuitBreakers.resetAll();
    }

    /** POST /api/cron/sync-{entity} as an admin, expecting 200. */
    protected static ValidatableResponse sync(String entity) {
        return sync(entity, Map.of()).statusCode(200);
    }

    protected static ValidatableResponse sync(String entity, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/cron/sync-" + entity).then();
    }

    protected static long count(String table) {
        return TestDatabase.queryLong("select count(*) from erp_sync." + table);
    }
}
