package dev.syncline.magento.support;

import dev.syncline.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The service's sync endpoints as an operator uses them. */
public final class SyncApi {

    public static final String SYNC = "/api/admin/mailing/sync-customers";

    private SyncApi() {
    }

    /** Starts a sync as an admin and answers the run id (expects 202). */
    public static long start(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post(SYNC).then().statusCode(202).extract().jsonPath().getLong("data.runId");
    }

    /** Waits until the run has ended and answers it as the ledger shows it. */
    public static JsonPath awaitRun(long runId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !"running".equals(run(runId).getString("status")));
        return run(runId);
    }

    public static long syncAndWait(Map<String, Object> body) {
        long runId = start(body);
        awaitRun(runId);
        return runId;
    }

    public static JsonPath run(long runId) {
        return given().auth().oauth2(TestTokens.viewer()).get("/api/runs/" + runId)
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath status() {
        return given().auth().oauth2(TestTokens.viewer()).get(SYNC).then().statusCode(200).extract().jsonPath();
    }
}
