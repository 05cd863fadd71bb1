package dev.syncline.erp.sync;

import dev.syncline.commons.testing.TestTokens;
import dev.syncline.erp.support.ErpTestBase;
import dev.syncline.erp.support.SoftOneSandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may sync, what a second trigger gets, what bad input gets; the jobs endpoints. */
@QuarkusTest
class ErpAccessTest extends ErpTestBase {

    @Test
    void credentialsAndRoles() {
        SoftOneSandbox.reset(3, 0);
        given().contentType(ContentType.JSON).body("{}").post("/api/cron/sync-customers").then().statusCode(401);
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body("{}")
                .post("/api/cron/sync-customers").then().statusCode(403);
        given().header("Authorization", "Bearer test-cron-secret").post("/api/cron/sync-customers")
                .then().statusCode(200).body("created", equalTo(3));
        given().header("Authorization", "Bearer nope").post("/api/cron/sync-suppliers").then().statusCode(401);
    }

    @Test
    void aSecondTriggerWhileOneRunsGets409() {
        SoftOneSandbox.reset(3, 0);
        SoftOneSandbox.faults(Map.of("latencyMs", 1500));

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> given()
                .header("Authorization", "Bearer test-cron-secret").post("/api/cron/sync-customers"));
        org.awaitility.Awaitility.await().until(() -> SoftOneSandbox.stats().getLong("calls") == 0
                && given().auth().oauth2(TestTokens.viewer()).get("/api/runs?job=erp-customers").then().extract()
                .jsonPath().getList("status").contains("running"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/cron/sync-customers").then().statusCode(409)
                .contentType("application/problem+json")
                .body("success", equalTo(false))
                .body("runId", notNullValue());

        assertEquals(200, first.join().statusCode());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> 400")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"full\": \"maybe\"}", "{\"full\": -1}", "{\"full\": 1}",
            "{\"full\": 1, \"full\": \"x\"}", "{\"full\": true, \"full\": true}"})
    void badBodiesAreRejectedNamingTheField(String body) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/cron/sync-customers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("full"))
                .body("success", equalTo(false));
        org.junit.jupiter.api.Assertions.assertEquals(0, count("sync_run"), "no run starts on bad input");
    }

    @Test
    void anUnreachableSoftOneFailsTheRunInWords() {
        SoftOneSandbox.reset(3, 0);
        SoftOneSandbox.faults(Map.of("failFromRequest", 1));

        String error = given().header("Authorization", "Bearer test-cron-secret").post("/api/cron/sync-customers")
                .then().statusCode(502).contentType("application/problem+json")
                .body("success", equalTo(false)).body("runId", notNullValue())
                .extract().jsonPath().getString("error");

        org.junit.jupiter.api.Assertions.assertTrue(error.startsWith("SoftOne failed with HTTP 500"), error);
        org.junit.jupiter.api.Assertions.assertTrue(error.endsWith("gave up after 5 attempts"), error);
        org.junit.jupiter.api.Assertions.assertFalse(error.matches(".*\\b(dev|io|java)\\.[a-z]+\\..*"), error);
    }

    @Test
    void jobsAreListedPausedAndResumedOnEveryReplica() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/jobs").then().statusCode(200)
                .body("jobs.job", hasItems("erp-customers-sync", "erp-suppliers-sync", "erp-full-reconciliation"))
                .body("jobs.find { it.job == 'erp-customers-sync' }.nextFireTime", notNullValue())
                .body("jobs.find { it.job == 'erp-customers-sync' }.paused", equalTo(false));

        given().auth().oauth2(TestTokens.admin()).post("/api/jobs/erp-customers-sync/pause").then().statusCode(200)
                .body("paused", equalTo(true));
        given().auth().oauth2(TestTokens.viewer()).get("/api/jobs").then()
                .body("jobs.find { it.job == 'erp-customers-sync' }.paused", equalTo(true));
        given().auth().oauth2(TestTokens.viewer()).post("/api/jobs/erp-customers-sync/resume").then().statusCode(403);

        given().header("Authorization", "Bearer test-cron-secret").get("/api/jobs/init").then().statusCode(200)
                .body("success", equalTo(true))
                .body("jobs.find { it.job == 'erp-customers-sync' }.paused", equalTo(true));
        given().auth().oauth2(TestTokens.admin()).post("/api/jobs/erp-customers-sync/resume").then().statusCode(200)
                .body("paused", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).post("/api/jobs/no-such-job/pause").then().statusCode(404)
                .body("detail", containsString("no-such-job"));
    }
}
