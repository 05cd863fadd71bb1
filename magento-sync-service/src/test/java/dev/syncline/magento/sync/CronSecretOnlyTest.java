package dev.syncline.magento.sync;

import dev.syncline.commons.testing.TestTokens;
import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** With no OIDC issuer configured the service still starts, and only the cron secret opens anything. */
@QuarkusTest
@TestProfile(CronSecretOnlyTest.WithoutOidcIssuer.class)
class CronSecretOnlyTest extends SyncTestBase {

    private static final String CRON = "Bearer test-cron-secret";

    public static class WithoutOidcIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "");
        }
    }

    @Test
    void theCronSecretWorksAndTokensAreNotAccepted() {
        SandboxControl.resetMagento(Map.of("orders", 50));

        long runId = given().header("Authorization", CRON).contentType(ContentType.JSON)
                .body(Map.of("fullSync", true)).post(SyncApi.SYNC).then().statusCode(202)
                .extract().jsonPath().getLong("data.runId");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"running".equals(given().header("Authorization", CRON)
                .get("/api/runs/" + runId).then().statusCode(200).extract().jsonPath().getString("status")));
        given().header("Authorization", CRON).get(SyncApi.SYNC).then().statusCode(200)
                .body("data.lastRun.id", equalTo((int) runId));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{}")
                .post(SyncApi.SYNC).then().statusCode(401);
        given().get(SyncApi.SYNC).then().statusCode(401);
    }
}
