package dev.syncline.magento.sync;

import dev.syncline.commons.testing.TestTokens;
import dev.syncline.magento.support.SandboxControl;
import dev.syncline.magento.support.SyncApi;
import dev.syncline.magento.support.SyncTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may do what, and what bad requests get back. */
@QuarkusTest
class SyncAccessTest extends SyncTestBase {

    private static final String SYNC = SyncApi.SYNC;

    @Test
    void withoutCredentialsEverythingIsUnauthorized() {
        given().contentType(ContentType.JSON).body("{}").post(SYNC).then().statusCode(401);
        given().get(SYNC).then().statusCode(401);
        given().get("/api/runs").then().statusCode(401);
        given().get("/api/admin/mailing/consumers").then().statusCode(401);
    }

    @Test
    void aViewerReadsButCannotTrigger() {
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body("{}")
                .post(SYNC).then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).get(SYNC).then().statusCode(200).body("success", equalTo(true));
        given().auth().oauth2(TestTokens.withoutRoles()).get(SYNC).then().statusCode(403);
    }

    @Test
    void theCronSecretTriggersAndReadsStatusOnly() {
        SandboxControl.resetMagento(Map.of("orders", 100));

        long runId = given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON)
                .body(Map.of("fullSync", true))
                .post(SYNC).then().statusCode(202)
                .body("success", equalTo(true))
                .body("message", equalTo("Sync started"))
                .body("data.status", equalTo("started"))
                .body("data.mode", equalTo("full"))
                .body("data.testMode", equalTo(false))
                .extract().jsonPath().getLong("data.runId");

        assertEquals("cron", SyncApi.awaitRun(runId).getString("trigger"));
        given().header("Authorization", "Bearer test-cron-secret").get(SYNC).then().statusCode(200);
        given().header("Authorization", "Bearer test-cron-secret").get("/api/admin/mailing/consumers")
                .then().statusCode(403);
        given().header("Authorization", "Bearer wrong-secret").contentType(ContentType.JSON).body("{}")
                .post(SYNC).then().statusCode(401);
    }

    @Test
    void aSecondTriggerWhileOneRunsGets409WithTheRunningRunsId() {
        SandboxControl.resetMagento(Map.of("orders", 600));
        SandboxControl.faults(Map.of("latencyMs", 300));

        long first = SyncApi.start(Map.of("fullSync", true, "batchSize", 100));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("fullSync", true))
                .post(SYNC).then().statusCode(409)
                .contentType("application/problem+json")
                .body("runId", equalTo((int) first))
                .body("detail", containsString("already running"));
        assertEquals(true, SyncApi.status().getBoolean("data.isRunning"));

        assertEquals("partial", SyncApi.awaitRun(first).getString("status"), "finished, some orders rejected");
        assertEquals(false, SyncApi.status().getBoolean("data.isRunning"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"batchSize\": 0}|batchSize",
            "{\"batchSize\": 1000}|batchSize",
            "{\"batchSize\": \"abc\"}|batchSize",
            "{\"maxPages\": 0}|maxPages",
            "{\"fullSync\": \"sometimes\"}|fullSync",
            "{\"storeMapping\": {\"one\": \"nl\"}}|storeMapping.one",
            "{\"storeMapping\": [1, 2]}|storeMapping",
            "{\"batchSize\": 1.5}|batchSize",
            "{\"batchSize\": 99999999999}|batchSize",
            "{\"fullSync\": -1}|fullSync",
            "{\"fullSync\": 1, \"fullSync\": \"x\"}|fullSync",
            "{\"storeMapping\": {\"1\": \"n\\u0000l\"}}|storeMapping.1"})
    void badBodiesAreRejectedNamingTheField(String body, String field) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post(SYNC).then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field))
                .body("detail", containsString(field.replaceAll("\\..*", "")));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"fullSync\": tru")
                .post(SYNC).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @ParameterizedTest(name = "consumers?{0}={1} -> 400")
    @CsvSource(delimiter = '|', value = {
            "limit|abc", "limit|99999999999", "limit|0", "limit|1001", "afterId|abc", "afterId|-1",
            "createdSince|+999999999-12-31T23:59:59Z", "createdSince|-999999999-01-01T00:00:00Z",
            "createdSince|1969-12-31T23:59:59Z"})
    void badConsumerListParametersAreProblemsNamingTheParameter(String parameter, String value) {
        given().auth().oauth2(TestTokens.viewer()).queryParam(parameter, value)
                .get("/api/admin/mailing/consumers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @Test
    void aNulCharacterInAnyQueryParameterIsABadRequestNotAServerError() {
        given().auth().oauth2(TestTokens.viewer()).urlEncodingEnabled(false)
                .get("/api/admin/mailing/consumers?source=magento%00sync").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("source"));
        given().auth().oauth2(TestTokens.viewer()).urlEncodingEnabled(false)
                .get("/api/runs?job=magento%00consumers").then().statusCode(400)
                .body("field", equalTo("job"));
    }

    @Test
    void aTokenCannotGrantItselfTheCronRole() {
        String mallory = TestTokens.claimingCronRole();
        given().auth().oauth2(mallory).contentType(ContentType.JSON).body("{}").post(SYNC).then().statusCode(403);
        given().auth().oauth2(mallory).get("/api/jobs/init").then().statusCode(403);
        given().auth().oauth2(mallory).get(SYNC).then().statusCode(200);
    }

    @Test
    void initReportsTheSchedulesButLeavesAPausedJobPaused() {
        given().auth().oauth2(TestTokens.admin()).post("/api/jobs/mailflow-outbox-delivery/pause").then().statusCode(200);

        given().header("Authorization", "Bearer test-cron-secret").get("/api/jobs/init").then().statusCode(200)
                .body("success", equalTo(true))
                .body("jobs.find { it.job == 'mailflow-outbox-delivery' }.paused", equalTo(true));
        given().header("Authorization", "Bearer test-cron-secret").post("/api/jobs/mailflow-outbox-delivery/resume")
                .then().statusCode(403);
    }

    @Test
    void aTokenTheIssuerGaveToAnotherClientIsRefused() {
        given().auth().oauth2(TestTokens.adminIssuedTo("https://server.example.com")).get("/api/runs").then().statusCode(200);
        given().auth().oauth2(TestTokens.adminIssuedTo("erp-sync-service")).get("/api/runs").then().statusCode(401);
        given().auth().oauth2(TestTokens.adminIssuedTo("account")).get("/api/runs").then().statusCode(401);
    }

    @Test
    void aTokenWithAnUnknownKeyIdIsRefusedWithoutAskingTheIssuer() {
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TestTokens.signedWithUnknownKey("kid-" + i)).get(SYNC).then().statusCode(401);
        }
        java.util.List<String> asked = TestTokens.requestsToTheIssuer();
        org.junit.jupiter.api.Assertions.assertTrue(asked.stream().noneMatch(url -> url.contains("introspect")), asked.toString());
        org.junit.jupiter.api.Assertions.assertTrue(asked.stream().filter(url -> url.contains("certs")).count() <= 2,
                "the key set is fetched again at a bounded rate: " + asked);
    }

    @Test
    void badQueryParametersAreRejectedNamingTheField() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("createdSince", "yesterday")
                .get("/api/admin/mailing/consumers").then().statusCode(400)
                .body("field", equalTo("createdSince"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 0)
                .get("/api/runs").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/runs/999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No run with id 999999"));
    }
}
