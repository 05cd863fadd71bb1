package dev.syncline.catalog.queue;

import dev.syncline.catalog.support.CatalogApi;
import dev.syncline.catalog.support.CatalogTestBase;
import dev.syncline.catalog.support.PlentyTruth;
import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job queue: one job per tenant and type at a time, retries, dead jobs, rescue of jobs whose worker died. */
@QuarkusTest
class JobQueueTest extends CatalogTestBase {

    @Test
    void aSecondSyncOfTheSameTypeIsRefusedWhileTheFirstIsQueuedOrRunning() {
        String tenant = CatalogApi.testTenant("mock");
        PLENTY.faults(Map.of("latencyMs", 300));
        long first = CatalogApi.enqueue(tenant, "CONFIG");

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("type", "CONFIG"))
                .post("/api/tenants/" + tenant + "/syncs").then().statusCode(409)
                .body("jobId", equalTo((int) first)).body("detail", containsString("has a CONFIG sync queued or running"));
        long other = CatalogApi.enqueue(tenant, "FULL_PRODUCT");

        assertEquals("succeeded", CatalogApi.awaitJob(first).getString("status"));
        CatalogApi.awaitJob(other);
        PLENTY.faults(Map.of());
        assertTrue(CatalogApi.enqueue(tenant, "CONFIG") > first, "once ended, the type may be synced again");
    }

    @Test
    void aFailedJobIsRetriedAfterABackoffAndSucceedsWhenPlentyIsBack() {
        String tenant = CatalogApi.testTenant("mock");
        PLENTY.faults(Map.of("errorRate", 1.0));
        long job = CatalogApi.enqueue(tenant, "CONFIG");
        await().atMost(Duration.ofSeconds(30)).until(() -> CatalogApi.job(job).getInt("attempts") >= 2);
        PLENTY.faults(Map.of());

        JsonPath ended = CatalogApi.awaitJob(job);

        assertEquals("succeeded", ended.getString("status"), ended.prettify());
        assertTrue(ended.getInt("attempts") >= 2);
        assertNull(ended.getString("error"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("job", "config:" + tenant).get("/api/runs").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.hasItems("error", "succeeded"));
    }

    @Test
    void refusedCredentialsAndAMissingConfigCacheAreDeadAtOnce() {
        String tenant = CatalogApi.testTenant("mock");
        JsonPath noCache = CatalogApi.sync(tenant, "PRODUCT_DELTA");
        assertEquals("dead", noCache.getString("status"));
        assertEquals(1, noCache.getInt("attempts"));
        assertTrue(noCache.getString("error").contains("run a CONFIG sync first"), noCache.getString("error"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Syncline test tenant", "plentyUrl", PLENTY.restUrl(), "plentyUsername", "sandbox-plenty",
                        "plentyPassword", "wrong-password"))
                .put("/api/tenants/" + tenant).then().statusCode(200);
        JsonPath refused = CatalogApi.sync(tenant, "CONFIG");
        assertEquals("dead", refused.getString("status"));
        assertEquals(1, refused.getInt("attempts"));
        assertTrue(refused.getString("error").contains("Plentymarkets refused the login for user sandbox-plenty"), refused.getString("error"));
    }

    @Test
    void aJobWhoseWorkerDiedIsRunAgainWithoutDuplicates() {
        String tenant = CatalogApi.testTenant("api");
        CatalogApi.syncConfig(tenant);
        CatalogApi.sync(tenant, "FULL_PRODUCT");
        int requestsBefore = SHOPWARE.stats().getInt("syncRequests");
        long orphan = insertRunningJob(tenant, "FULL_PRODUCT", "now() - interval '10 minutes'");

        JsonPath rescued = CatalogApi.awaitJob(orphan);

        assertEquals("succeeded", rescued.getString("status"), rescued.prettify());
        assertEquals(2, rescued.getInt("attempts"), "the dead worker's attempt counts");
        assertTrue(SHOPWARE.stats().getInt("syncRequests") > requestsBefore, "the job ran again");
        PlentyTruth truth = new PlentyTruth(PLENTY);
        assertEquals(truth.expectedProducts(), PlentyTruth.byNumber(SHOPWARE.products()).size(), "and created nothing twice");
    }

    @Test
    void aJobWithAStaleHeartbeatIsNotRescuedWhileItsRunStillHoldsTheLock() throws Exception {
        String tenant = CatalogApi.testTenant("mock");
        CatalogApi.syncConfig(tenant);
        long job;
        try (Connection liveRun = database()) {
            liveRun.createStatement().execute("select pg_advisory_lock(" + lockKey("full-product:" + tenant) + ")");
            long stale = insertRunningJob(tenant, "FULL_PRODUCT", "now() - interval '10 minutes'");
            job = stale;
            long alive = insertRunningJob(tenant, "PRODUCT_DELTA", "now() + interval '1 hour'");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "running".equals(CatalogApi.job(stale).getString("status")));
            assertEquals("worker-ghost", TestDatabase.queryString("select claimed_by from catalog_sync.sync_job where id = " + job));
            assertEquals("running", CatalogApi.job(alive).getString("status"), "a beating job is left alone");
        }

        assertEquals("succeeded", CatalogApi.awaitJob(job).getString("status"), "rescued once the lock is free");
    }

    @Test
    void theTenantsJobsAreListedNewestFirstWithTheirCounts() {
        String tenant = CatalogApi.testTenant("mock");
        CatalogApi.syncConfig(tenant);
        JsonPath full = CatalogApi.sync(tenant, "FULL_PRODUCT");

        given().auth().oauth2(TestTokens.viewer()).get("/api/tenants/" + tenant + "/jobs").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].type", equalTo("FULL_PRODUCT")).body("[1].type", equalTo("CONFIG"))
                .body("[0].counts.read", equalTo(60)).body("[0].trigger", equalTo("api"))
                .body("[0].runId", equalTo(full.getInt("runId")));
        assertTrue(full.getDouble("durationSeconds") > 0);
        given().auth().oauth2(TestTokens.viewer()).get("/api/jobs/987654").then().statusCode(404)
                .body("detail", containsString("No sync job 987654"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/jobs/99999999999999999999").then().statusCode(400)
                .body("detail", containsString("jobId must be a job id"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 0).get("/api/tenants/" + tenant + "/jobs").then().statusCode(400);
    }

    @Test
    void anExternalCronEnqueuesWithTheCronSecret() {
        String tenant = CatalogApi.testTenant("mock");
        long job = given().header("Authorization", "Bearer test-cron-secret").contentType(ContentType.JSON)
                .body(Map.of("type", "CONFIG")).post("/api/tenants/" + tenant + "/syncs")
                .then().statusCode(202).body("status", equalTo("queued")).extract().jsonPath().getLong("jobId");
        assertEquals("cron", CatalogApi.awaitJob(job).getString("trigger"));
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(Map.of("type", "CONFIG"))
                .post("/api/tenants/" + tenant + "/syncs").then().statusCode(403);
    }

    @Test
    void badSyncRequestsAreNamed() {
        String tenant = CatalogApi.testTenant("mock");
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("type", "EVERYTHING"))
                .post("/api/tenants/" + tenant + "/syncs").then().statusCode(400).body("detail", containsString("type"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/tenants/" + tenant + "/syncs").then().statusCode(400).body("detail", containsString("type"));
        // An enum takes exactly its names: no ordinals, no digits in a string, no other spelling.
        for (String type : new String[] {"2", "\"1\"", "\"full_product\"", "\" CONFIG\"", "true", "[\"CONFIG\"]"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"type\": " + type + "}")
                    .post("/api/tenants/" + tenant + "/syncs").then().statusCode(400)
                    .body("field", equalTo("type")).body("detail", containsString("CONFIG, PRODUCT_DELTA, FULL_PRODUCT"));
        }
        assertEquals(0, TestDatabase.queryLong("select count(*) from catalog_sync.sync_job"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("type", "CONFIG"))
                .post("/api/tenants/00000000-0000-0000-0000-000000000099/syncs").then().statusCode(404)
                .body("detail", containsString("No tenant 00000000-0000-0000-0000-000000000099"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("type", "CONFIG"))
                .post("/api/tenants/tenant-one/syncs").then().statusCode(400).body("detail", containsString("tenantId must be a UUID"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Paused", "plentyUrl", PLENTY.restUrl(), "plentyUsername", "sandbox-plenty", "active", false))
                .put("/api/tenants/" + tenant).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("type", "CONFIG"))
                .post("/api/tenants/" + tenant + "/syncs").then().statusCode(409).body("detail", containsString("is inactive"));
    }

    /** A job as a worker that was killed mid-run leaves it: running, claimed, heartbeat as given. */
    private static long insertRunningJob(String tenant, String type, String heartbeat) {
        TestDatabase.execute("""
                insert into catalog_sync.sync_job (tenant_id, type, status, trigger, attempts, max_attempts, claimed_by, heartbeat_at, started_at)
                values ('%s', '%s', 'running', 'api', 1, 5, 'worker-ghost', %s, now() - interval '10 minutes')""".formatted(tenant, type, heartbeat));
        return TestDatabase.queryLong("select max(id) from catalog_sync.sync_job");
    }

    /** The advisory lock key a run of the job holds, as the service computes it. */
    private static long lockKey(String job) throws Exception {
        return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(("catalog_sync:" + job).getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", null);
    }
}
