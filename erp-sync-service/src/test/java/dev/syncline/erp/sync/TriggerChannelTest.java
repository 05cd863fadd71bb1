package dev.syncline.erp.sync;

import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import dev.syncline.erp.support.ErpTestBase;
import dev.syncline.erp.support.SoftOneSandbox;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trigger channel: a row in cron_trigger (what pg_cron inserts) starts the job like the cron endpoint. */
@QuarkusTest
class TriggerChannelTest extends ErpTestBase {

    @Test
    void aTriggerRowStartsTheJobAsACronRun() {
        SoftOneSandbox.reset(25, 0);

        TestDatabase.execute("insert into erp_sync.cron_trigger (job) values ('sync-customers')");
        long trigger = TestDatabase.queryLong("select max(id) from erp_sync.cron_trigger");

        awaitAnswer(trigger);
        assertEquals(200, TestDatabase.queryLong("select http_status from erp_sync.cron_trigger where id = " + trigger));
        long runId = TestDatabase.queryLong("select (answer::jsonb ->> 'runId')::bigint from erp_sync.cron_trigger where id = " + trigger);
        assertEquals("cron", TestDatabase.queryString("select trigger from erp_sync.sync_run where id = " + runId));
        assertEquals("succeeded", TestDatabase.queryString("select status from erp_sync.sync_run where id = " + runId));
        assertEquals(25, TestDatabase.queryLong("select count(*) from erp_sync.erp_customer"));

        given().auth().oauth2(TestTokens.viewer()).get("/api/cron-triggers").then().statusCode(200)
                .body("listening", equalTo(true))
                .body("jobs", hasItems("sync-customers", "sync-suppliers"))
                .body("triggers[0].id", equalTo((int) trigger))
                .body("triggers[0].httpStatus", equalTo(200));
    }

    @Test
    void aBodyIsPassedAndEveryRowIsAnsweredOnce() {
        SoftOneSandbox.reset(10, 10);
        TestDatabase.execute("insert into erp_sync.cron_trigger (job, body) values "
                + "('sync-customers', '{\"full\": true}'), ('sync-suppliers', '{}'), ('sync-suppliers', '{\"full\": \"yes\"}')");
        long last = TestDatabase.queryLong("select max(id) from erp_sync.cron_trigger");

        awaitAnswer(last);
        awaitAnswer(last - 1);
        awaitAnswer(last - 2);
        assertEquals("full", TestDatabase.queryString(
                "select r.mode from erp_sync.sync_run r join erp_sync.cron_trigger t on r.id = (t.answer::jsonb ->> 'runId')::bigint "
                        + "where t.id = " + (last - 2)));
        assertEquals(400, TestDatabase.queryLong("select http_status from erp_sync.cron_trigger where id = " + last),
                "a malformed body gets the endpoint's own 400");
        assertEquals(2, TestDatabase.queryLong("select count(*) from erp_sync.sync_run where trigger = 'cron'"));
    }

    @Test
    void anUnknownJobIsAnsweredWithTheJobsThereAre() {
        TestDatabase.execute("insert into erp_sync.cron_trigger (job) values ('sync-everything')");
        long trigger = TestDatabase.queryLong("select max(id) from erp_sync.cron_trigger");

        awaitAnswer(trigger);
        assertEquals(404, TestDatabase.queryLong("select http_status from erp_sync.cron_trigger where id = " + trigger));
        String answer = TestDatabase.queryString("select answer from erp_sync.cron_trigger where id = " + trigger);
        assertTrue(answer.contains("sync-everything") && answer.contains("sync-suppliers"), answer);
        assertEquals(0, TestDatabase.queryLong("select count(*) from erp_sync.sync_run"));
    }

    @Test
    void aHugeRowIsAnswered413AndTheRowsClaimedWithItStillRun() {
        SoftOneSandbox.reset(5, 5);
        // 10 MB of JSON in one row, inserted in the same statement (and so the same claim batch) as two good rows.
        TestDatabase.execute("insert into erp_sync.cron_trigger (job, body) values "
                + "('sync-customers', '{}'), "
                + "('sync-customers', jsonb_build_object('full', true, 'pad', repeat('x', 10 * 1024 * 1024))), "
                + "('sync-suppliers', '{}')");
        long last = TestDatabase.queryLong("select max(id) from erp_sync.cron_trigger");

        awaitAnswer(last - 2);
        awaitAnswer(last - 1);
        awaitAnswer(last);
        assertEquals(413, TestDatabase.queryLong("select http_status from erp_sync.cron_trigger where id = " + (last - 1)));
        assertTrue(TestDatabase.queryString("select answer from erp_sync.cron_trigger where id = " + (last - 1))
                .contains("syncline.trigger-channel.max-request-bytes"));
        assertEquals(200, TestDatabase.queryLong("select http_status from erp_sync.cron_trigger where id = " + (last - 2)));
        assertEquals(200, TestDatabase.queryLong("select http_status from erp_sync.cron_trigger where id = " + last));
        assertEquals(5, TestDatabase.queryLong("select count(*) from erp_sync.erp_supplier"));

        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 3).get("/api/cron-triggers").then().statusCode(200)
                .body("triggers[1].id", equalTo((int) (last - 1)))
                .body("triggers[1].httpStatus", equalTo(413))
                .body("triggers[1].body", nullValue())
                .body("triggers[1].bodyBytes", greaterThan(10 * 1024 * 1024))
                .body("triggers[0].body", equalTo(java.util.Map.of()));
    }

    @Test
    void aRowWhoseBodyIsNoObjectIsAnswered400NotRunWithAnEmptyBody() {
        TestDatabase.execute("insert into erp_sync.cron_trigger (job, body) values ('sync-customers', '[true]')");
        long trigger = TestDatabase.queryLong("select max(id) from erp_sync.cron_trigger");

        awaitAnswer(trigger);
        assertEquals(400, TestDatabase.queryLong("select http_status from erp_sync.cron_trigger where id = " + trigger));
        assertTrue(TestDatabase.queryString("select answer from erp_sync.cron_trigger where id = " + trigger)
                .contains("body must be a JSON object"));
        assertEquals(0, TestDatabase.queryLong("select count(*) from erp_sync.sync_run"));
    }

    @Test
    void aStoredAnswerKeepsTheRunIdAndNothingOfTheResultItself() {
        SoftOneSandbox.reset(12, 0);
        TestDatabase.execute("insert into erp_sync.cron_trigger (job) values ('sync-customers')");
        long trigger = TestDatabase.queryLong("select max(id) from erp_sync.cron_trigger");

        awaitAnswer(trigger);
        // The endpoint answers counts, a window and timestamps; the row keeps the run id alone.
        assertEquals("runId", TestDatabase.queryString(
                "select string_agg(key, ',') from erp_sync.cron_trigger, jsonb_object_keys(answer::jsonb) key where id = " + trigger));
        given().auth().oauth2(TestTokens.viewer()).get("/api/cron-triggers").then().statusCode(200)
                .body("triggers[0].answer.runId", notNullValue())
                .body("triggers[0].answer.total", nullValue())
                .body("triggers[0].answer.created", nullValue());
    }

    @Test
    void theHistoryRefusesABadLimitAndAnonymousCallers() {
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 0).get("/api/cron-triggers").then().statusCode(400)
                .body("detail", containsString("limit"));
        given().get("/api/cron-triggers").then().statusCode(401);
    }

    private static void awaitAnswer(long trigger) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (TestDatabase.queryLong("select count(*) from erp_sync.cron_trigger where answered_at is not null and id = " + trigger) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Trigger " + trigger + " was not answered within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
