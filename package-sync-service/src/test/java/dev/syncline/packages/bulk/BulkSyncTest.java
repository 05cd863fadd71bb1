package dev.syncline.packages.bulk;

import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import dev.syncline.packages.support.CrmSandbox;
import dev.syncline.packages.support.PackageTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily bulk sync through its endpoint, as pg_cron calls it. */
@QuarkusTest
class BulkSyncTest extends PackageTestBase {

    private static final String BULK = "/api/crm/sync-packages";
    private static final String CRON = "Bearer test-cron-secret";

    /** Profiles mapped to the first {@code count} CRM customers, arranged directly in the database. */
    private static List<String> mapProfiles(int count) {
        List<String> customers = CrmSandbox.customerIds().subList(0, count);
        StringBuilder sql = new StringBuilder();
        for (String customer : customers) {
            UUID profile = UUID.nameUUIDFromBytes(customer.getBytes());
            sql.append("insert into package_sync.profile (id, name) values ('").append(profile).append("', 'p');")
                    .append("insert into package_sync.crm_mapping (profile_id, crm_customer_id, status, matched_by) values ('")
                    .append(profile).append("', '").append(customer).append("', 'matched', 'email');");
        }
        TestDatabase.execute(sql.toString());
        return customers;
    }

    private static String inList(List<String> ids) {
        return "in.(" + String.join(",", ids) + ")";
    }

    private static JsonPath bulk(Map<String, Object> body) {
        return given().header("Authorization", CRON).contentType(ContentType.JSON).body(body).post(BULK)
                .then().statusCode(200).body("success", equalTo(true)).body("timestamp", notNullValue())
                .extract().jsonPath();
    }

    @Test
    void syncsEveryMappedProfileInBatchesBeyondTheRowCap() {
        CrmSandbox.reset(40, 600, 50);
        List<String> customers = mapProfiles(40);

        JsonPath answer = bulk(Map.of("batchSize", 7));

        assertEquals(40, answer.getInt("result.totalProfiles"));
        assertEquals(40, answer.getInt("result.successfulProfiles"));
        assertEquals(0, answer.getInt("result.failedProfiles"));
        long inCrm = CrmSandbox.total("packages", inList(customers));
        assertEquals(inCrm, answer.getLong("result.totalPackages"));
        assertEquals(inCrm, TestDatabase.queryLong("select count(*) from package_sync.profile_package"));
    }

    @Test
    void oneBatchCanHoldMorePackagesThanTheCrmSendsAtOnce() {
        CrmSandbox.reset(30, 400, 50);
        List<String> customers = mapProfiles(30);

        JsonPath answer = bulk(Map.of("batchSize", 30));

        assertTrue(CrmSandbox.total("packages", inList(customers)) > 50);
        assertEquals(CrmSandbox.total("packages", inList(customers)), answer.getLong("result.totalPackages"));
    }

    @Test
    void pagesPastTheDefaultThousandRowCap() {
        CrmSandbox.reset(100, 1800, 1000);
        List<String> customers = mapProfiles(100);

        JsonPath answer = bulk(Map.of("batchSize", 100));

        long inCrm = CrmSandbox.total("packages", inList(customers));
        assertTrue(inCrm > 1000, "one batch holds " + inCrm + " packages");
        assertEquals(inCrm, answer.getLong("result.totalPackages"));
        assertEquals(inCrm, TestDatabase.queryLong("select count(*) from package_sync.profile_package"));
    }

    @Test
    void transientCrmFailuresAreRetried() {
        CrmSandbox.reset(30, 90, 1000);
        List<String> customers = mapProfiles(30);
        long inCrm = CrmSandbox.total("packages", inList(customers));
        CrmSandbox.faults(Map.of("errorRate", 0.25, "throttleRate", 0.1, "retryAfterSeconds", 1, "seed", 3));

        JsonPath answer = bulk(Map.of("batchSize", 5));

        assertEquals(30, answer.getInt("result.successfulProfiles"), answer.getList("result.errors").toString());
        assertEquals(inCrm, answer.getLong("result.totalPackages"));
    }

    @Test
    void maxProfilesAndOnlyNewProfilesLimitTheRun() {
        CrmSandbox.reset(30, 90, 1000);
        mapProfiles(20);

        assertEquals(5, bulk(Map.of("maxProfiles", 5)).getInt("result.totalProfiles"));
        assertEquals(15, bulk(Map.of("onlyNewProfiles", true)).getInt("result.totalProfiles"));
        assertEquals(0, bulk(Map.of("onlyNewProfiles", true)).getInt("result.totalProfiles"));
        assertEquals(20, bulk(Map.of()).getInt("result.totalProfiles"));
    }

    @Test
    void aFailingCustomerFailsOnlyItsOwnProfile() {
        CrmSandbox.reset(25, 100, 1000);
        List<String> customers = mapProfiles(25);
        CrmSandbox.failCustomers(List.of(customers.get(3), customers.get(17)));

        JsonPath answer = bulk(Map.of("batchSize", 10));

        assertEquals(23, answer.getInt("result.successfulProfiles"));
        assertEquals(2, answer.getInt("result.failedProfiles"));
        List<String> errors = answer.getList("result.errors");
        assertEquals(2, errors.size());
        assertTrue(errors.stream().allMatch(e -> e.startsWith("Profile ") && e.contains("HTTP 500")), errors.toString());
        List<String> healthy = customers.stream().filter(c -> !c.equals(customers.get(3)) && !c.equals(customers.get(17))).toList();
        assertEquals(CrmSandbox.total("packages", inList(healthy)), answer.getLong("result.totalPackages"));
        given().auth().oauth2(TestTokens.viewer()).get(BULK).then().statusCode(200)
                .body("status", equalTo("partial")).body("result.failedProfiles", equalTo(2));
    }

    @Test
    void aRunInWhichEveryProfileFailedIsAnErrorAndRaisesTheAlarm() {
        CrmSandbox.reset(12, 40, 1000);
        List<String> customers = mapProfiles(12);
        CrmSandbox.failCustomers(customers);

        given().header("Authorization", CRON).contentType(ContentType.JSON).body(Map.of("batchSize", 5)).post(BULK)
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("success", equalTo(false))
                .body("error", containsString("All 12 profiles failed"))
                .body("runId", notNullValue())
                .body("result.failedProfiles", equalTo(12))
                .body("result.successfulProfiles", equalTo(0))
                .body("result.errors.size()", equalTo(12));
        given().auth().oauth2(TestTokens.viewer()).get(BULK).then().statusCode(200).body("status", equalTo("error"));
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'daily-bulk-package-sync' }.data.state", equalTo("degraded"));
    }

    @Test
    void aCallerThatGivesUpLeavesNoConnectionOrLockBehind() throws Exception {
        CrmSandbox.reset(20, 40, 1000);
        mapProfiles(20);
        CrmSandbox.faults(Map.of("latencyMs", 250));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI bulkUri = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + BULK);
        for (int i = 0; i < 5; i++) {
            try {
                http.send(java.net.http.HttpRequest.newBuilder(bulkUri).timeout(Duration.ofMillis(300))
                        .header("Authorization", CRON).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"batchSize\": 1}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (java.net.http.HttpTimeoutException gaveUp) {
                // the caller went away, as pg_net does
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !given().header("Authorization", CRON).get(BULK)
                .then().extract().jsonPath().getBoolean("running"));

        given().get("/q/health/ready").then().statusCode(200);
        assertEquals(0, TestDatabase.queryLong("select count(*) from pg_locks where locktype = 'advisory' and objsubid = 1 "
                + "and database = (select oid from pg_database where datname = current_database())"));
        CrmSandbox.faults(Map.of());
        assertEquals(20, bulk(Map.of()).getInt("result.successfulProfiles"), "the next run gets connections and the lock");
    }

    @Test
    void asyncModeAnswersAtOnceAndTheRunCompletes() {
        CrmSandbox.reset(30, 60, 1000);
        mapProfiles(30);
        CrmSandbox.faults(Map.of("latencyMs", 300));

        long started = System.nanoTime();
        Response accepted = given().header("Authorization", CRON).header("Prefer", "respond-async")
                .contentType(ContentType.JSON).body(Map.of("batchSize", 5)).post(BULK);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(202, accepted.statusCode());
        assertTrue(millis < 1000, "answered in " + millis + " ms");
        long runId = accepted.jsonPath().getLong("runId");
        await().atMost(Duration.ofSeconds(30)).until(() -> !given().header("Authorization", CRON).get(BULK)
                .then().extract().jsonPath().getBoolean("running"));
        given().header("Authorization", CRON).get(BULK).then()
                .body("runId", equalTo((int) runId)).body("status", equalTo("succeeded"))
                .body("result.successfulProfiles", equalTo(30));
    }

    @Test
    void aSecondBulkRunWhileOneRunsGets409() {
        CrmSandbox.reset(10, 20, 1000);
        mapProfiles(10);
        CrmSandbox.faults(Map.of("latencyMs", 500));

        given().header("Authorization", CRON).contentType(ContentType.JSON).body(Map.of("async", true, "batchSize", 2))
                .post(BULK).then().statusCode(202);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of()).post(BULK)
                .then().statusCode(409).body("success", equalTo(false)).body("runId", notNullValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> !given().header("Authorization", CRON).get(BULK)
                .then().extract().jsonPath().getBoolean("running"));
    }

    @Test
    void accessAndValidation() {
        given().contentType(ContentType.JSON).body(Map.of()).post(BULK).then().statusCode(401);
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(Map.of()).post(BULK).then().statusCode(403);
        given().header("Authorization", CRON).contentType(ContentType.JSON).body(Map.of("batchSize", 0)).post(BULK)
                .then().statusCode(400).body("field", equalTo("batchSize"));
        given().header("Authorization", CRON).contentType(ContentType.JSON).body("{\"batchSize\": \"abc\"}").post(BULK)
                .then().statusCode(400).body("field", equalTo("batchSize"));
        given().header("Authorization", CRON).contentType(ContentType.JSON).body(Map.of("maxProfiles", 0)).post(BULK)
                .then().statusCode(400).body("field", equalTo("maxProfiles")).body("detail", containsString("maxProfiles"));
    }

    @Test
    void theWellnessCheckReportsAMissingDailyRun() {
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'daily-bulk-package-sync' }.data.state", equalTo("degraded"));
        CrmSandbox.reset(3, 3, 1000);
        mapProfiles(3);
        bulk(Map.of());
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'daily-bulk-package-sync' }.data.state", equalTo("ok"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
