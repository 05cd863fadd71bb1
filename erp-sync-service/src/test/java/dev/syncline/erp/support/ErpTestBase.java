package dev.syncline.erp.support;

import dev.syncline.commons.testing.ServiceApiTest;
import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Every test starts from empty tables, a calm ERP and closed circuit breakers. */
public abstract class ErpTestBase extends ServiceApiTest {

    @Override
    protected void afterCleanSlate() {
        SoftOneSandbox.faults(Map.of());
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
