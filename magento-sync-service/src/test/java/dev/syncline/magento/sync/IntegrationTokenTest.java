package dev.syncline.magento.sync;

import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With MAGENTO_TOKEN set the service uses the integration token and never logs in. */
@QuarkusTest
@TestProfile(IntegrationTokenTest.WithIntegrationToken.class)
class IntegrationTokenTest extends SyncTestBase {

    public static class WithIntegrationToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("magento.token", "sandbox-integration-token", "magento.username", "", "magento.password", "");
        }
    }

    @Test
    void syncsWithTheIntegrationToken() {
        JsonPath seeded = SandboxControl.resetMagento(Map.of("orders", 400));

        long runId = SyncApi.syncAndWait(Map.of("fullSync", true));

        assertEquals("partial", SyncApi.run(runId).getString("status"), SyncApi.run(runId).getString("errorMessage"));
        assertEquals(seeded.getInt("distinctConsumers"), consumerCount());
        assertEquals(0, given().baseUri(SandboxControl.url()).get("/sandbox/magento/stats")
                .then().extract().jsonPath().getLong("logins"));
    }
}
