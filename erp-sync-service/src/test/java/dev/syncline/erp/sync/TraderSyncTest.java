package dev.syncline.erp.sync;

import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.testing.TestTokens;
import dev.syncline.erp.support.ErpTestBase;
import dev.syncline.erp.support.SoftOneSandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TraderSyncTest extends ErpTestBase {

    @Test
    void greekTextArrivesAsSoftOneSentIt() {
        SoftOneSandbox.reset(40, 0);

        sync("customers").body("created", equalTo(40));

        JsonPath sent = SoftOneSandbox.rawCustomers();
        List<Map<String, Object>> rows = sent.getList("result");
        assertEquals(40, rows.size());
        for (Map<String, Object> row : rows) {
            String where = " from erp_sync.erp_customer where trdr = " + row.get("TRDR");
            assertEquals(row.get("NAME"), TestDatabase.queryString("select name" + where));
            assertEquals(row.get("NAME"), TestDatabase.queryString("select sotitle" + where));
            assertEquals(row.get("JOBTYPETRD"), TestDatabase.queryString("select jobtypetrd" + where));
            assertEquals(row.get("ADDRESS"), TestDatabase.queryString("select address" + where));
            assertEquals(row.get("CITY"), TestDatabase.queryString("select city" + where));
            Object taxOffice = row.containsKey("IRSDATA") ? row.get("IRSDATA") : row.get("IRSDATA_1");
            assertEquals(taxOffice, TestDatabase.queryString("select irsdata" + where));
            assertEquals(String.valueOf(row.get("AFM")), TestDatabase.queryString("select afm" + where));
            assertEquals("1".equals(String.valueOf(row.get("ISPROSP"))) ? "ACTIVE" : "INACTIVE",
                    TestDatabase.queryString("select isactive" + where));
            assertEquals(row.get("UPDDATE"), TestDatabase.queryString("select to_char(upddate at time zone 'Europe/Athens', "
                    + "'YYYY-MM-DD HH24:MI:SS')" + where), "UPDDATE is Athens local time");
        }
        assertTrue(TestDatabase.queryLong("select count(*) from erp_sync.erp_customer where name ~ '[Α-Ωα-ωάέήίόύώ]'") > 0);
    }

    @Test
    void preferRespondAsyncAnswers202WithTheRunIdAndTheRunGoesOn() {
        SoftOneSandbox.reset(15, 0);

        int runId = given().auth().oauth2(TestTokens.admin()).header("Prefer", "respond-async")
                .contentType(io.restassured.http.ContentType.JSON).body("{}")
                .post("/api/cron/sync-customers").then().statusCode(202)
                .body("message", equalTo("started")).extract().path("runId");

        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (!"succeeded".equals(TestDatabase.queryString("select status from erp_sync.sync_run where id = " + runId))) {
            assertTrue(java.time.Instant.now().isBefore(deadline), "run " + runId + " did not end within 30 s");
            Thread.onSpinWait();
        }
        assertEquals(15, TestDatabase.queryLong("select count(*) from erp_sync.erp_customer"));
    }

    @Test
    void countsCreatedUpdatedAndSkipped() {
        SoftOneSandbox.reset(30, 0);
        sync("customers").body("created", equalTo(30)).body("updated", equalTo(0))
                .body("window_start", nullValue()).body("at", notNullValue());

        SoftOneSandbox.change("customers", Map.of("changed", 5, "created", 2));
        sync("customers")
                .body("success", equalTo(true))
                .body("total", equalTo(7)).body("processed", equalTo(7))
                .body("created", equalTo(2)).body("updated", equalTo(5)).body("skipped", equalTo(0))
                .body("window_start", notNullValue());

        sync("customers").body("total", equalTo(7)).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("skipped", equalTo(7));
        assertEquals(32, count("erp_customer"));
    }

    @Test
    void aWindowWithoutChangesSaysSo() {
        SoftOneSandbox.reset(5, 0);
        sync("customers");
        SoftOneSandbox.advanceClock(15);

        sync("customers")
                .body("total", equalTo(0)).body("created", equalTo(0))
                .body("message", equalTo("No new or updated customers to sync"));
    }

    @Test
    void aTraderReRegisteredUnderANewTrdrIsMatchedByAfm() {
        SoftOneSandbox.reset(10, 0);
        sync("customers");
        long original = TestDatabase.queryLong("select min(trdr) from erp_sync.erp_customer");
        String afm = TestDatabase.queryString("select afm from erp_sync.erp_customer where trdr = " + original);

        long reissued = SoftOneSandbox.change("customers", Map.of("created", 1, "reuseAfmOf", original))
                .getLong("created[0]");
        sync("customers").body("created", equalTo(0)).body("updated", equalTo(1));

        assertEquals(10, count("erp_customer"));
        assertEquals(reissued, TestDatabase.queryLong("select trdr from erp_sync.erp_customer where afm = '" + afm + "'"));
    }

    @Test
    void aTraderReRegisteredBeforeTheFirstSyncIsStoredOnce() {
        SoftOneSandbox.reset(10, 0);
        long original = SoftOneSandbox.rawCustomers().getLong("result[0].TRDR");
        String afm = String.valueOf(SoftOneSandbox.rawCustomers().getString("result[0].AFM"));
        long reissued = SoftOneSandbox.change("customers", Map.of("created", 1, "reuseAfmOf", original)).getLong("created[0]");

        sync("customers").body("total", equalTo(11)).body("created", equalTo(10)).body("skipped", equalTo(1));

        assertEquals(10, count("erp_customer"));
        assertEquals(1, TestDatabase.queryLong("select count(*) from erp_sync.erp_customer where afm = '" + afm + "'"));
        assertEquals(reissued, TestDatabase.queryLong("select trdr from erp_sync.erp_customer where afm = '" + afm + "'"),
                "the row with the later UPDDATE wins");
    }

    @Test
    void aTraderChangedAndReRegisteredInOneDeltaWindowKeepsItsOneRow() {
        SoftOneSandbox.reset(10, 0);
        sync("customers");
        long original = TestDatabase.queryLong("select min(trdr) from erp_sync.erp_customer");
        long id = TestDatabase.queryLong("select id from erp_sync.erp_customer where trdr = " + original);
        String afm = TestDatabase.queryString("select afm from erp_sync.erp_customer where trdr = " + original);
        SoftOneSandbox.advanceClock(5);
        SoftOneSandbox.change("customers", Map.of("changed", 10));
        SoftOneSandbox.advanceClock(1);
        SoftOneSandbox.change("customers", Map.of("created", 1, "reuseAfmOf", original));

        sync("customers").body("created", equalTo(0));

        assertEquals(10, count("erp_customer"));
        assertEquals(1, TestDatabase.queryLong("select count(*) from erp_sync.erp_customer where afm = '" + afm + "'"));
        assertEquals(id, TestDatabase.queryLong("select id from erp_sync.erp_customer where afm = '" + afm + "'"),
                "the trader keeps its row and id");
    }

    @Test
    void aMissedRunLosesNoChange() {
        SoftOneSandbox.reset(50, 0);
        sync("customers");
        String firstAt = SoftOneSandbox.stats().getString("now");

        SoftOneSandbox.advanceClock(15);
        List<Long> early = SoftOneSandbox.change("customers", Map.of("changed", 3)).getList("changed", Long.class);
        SoftOneSandbox.advanceClock(25);
        List<Long> late = SoftOneSandbox.change("customers", Map.of("changed", 4)).getList("changed", Long.class);

        java.util.Set<Long> changed = new java.util.HashSet<>(early);
        changed.addAll(late);
        sync("customers").body("updated", equalTo(changed.size()));
        String windowStart = SoftOneSandbox.stats().getString("lastWindowStart");
        assertTrue(windowStart.compareTo(firstAt) < 0, "the window reached back before the missed runs: " + windowStart);
        for (long trdr : early) {
            assertTrue(TestDatabase.queryString("select name from erp_sync.erp_customer where trdr = " + trdr)
                    .contains("αναθ."), "change of TRDR " + trdr + " arrived");
        }
    }

    @Test
    void suppliersHaveTheirOwnTableAndWindow() {
        SoftOneSandbox.reset(8, 6);

        sync("suppliers").body("created", equalTo(6));
        sync("customers").body("created", equalTo(8));

        assertEquals(6, count("erp_supplier"));
        assertEquals(8, count("erp_customer"));
        assertEquals(2, count("sync_window"));
    }

    @Test
    void rowsWithoutTrdrOrAfmAreRejectedAndTheRunGoesOn() {
        SoftOneSandbox.reset(12, 0);
        SoftOneSandbox.change("customers", Map.of("broken", 2));

        long runId = sync("customers").body("created", equalTo(12)).body("rejected", equalTo(2))
                .extract().jsonPath().getLong("runId");

        given().auth().oauth2(TestTokens.viewer()).get("/api/runs/" + runId).then().statusCode(200)
                .body("status", equalTo("partial")).body("recordsRejected", equalTo(2));
        given().auth().oauth2(TestTokens.viewer()).get("/api/runs/" + runId + "/rejected").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].reason", containsString("neither a usable TRDR"))
                .body("[0].upstreamId", containsString("ΧΩΡΙΣ ΣΤΟΙΧΕΙΑ"));
    }

    @Test
    void anInBandErrorFailsTheRunWithSoftOnesMessageAndKeepsTheWindow() {
        SoftOneSandbox.reset(5, 0);
        sync("customers");
        String windowBefore = TestDatabase.queryString("select last_at::text from erp_sync.sync_window");
        SoftOneSandbox.inbandError("Η σύνδεση με τη βάση απέτυχε", 1);

        sync("customers", Map.of()).statusCode(502)
                .contentType("application/problem+json")
                .body("runId", notNullValue())
                .body("success", equalTo(false))
                .body("error", equalTo("SoftOne: Η σύνδεση με τη βάση απέτυχε (errorcode -7)"))
                .body("timestamp", notNullValue());

        assertEquals("SoftOne: Η σύνδεση με τη βάση απέτυχε (errorcode -7)", TestDatabase.queryString(
                "select error_message from erp_sync.sync_run where status = 'error'"));
        assertEquals(windowBefore, TestDatabase.queryString("select last_at::text from erp_sync.sync_window"));
        sync("customers").body("success", equalTo(true));
    }

    @Test
    void serverErrorsAndBrokenAnswersAreRetried() {
        SoftOneSandbox.reset(20, 0);
        SoftOneSandbox.faults(Map.of("failFromRequest", 0, "errorRate", 0.3, "malformedRate", 0.2, "seed", 5));

        sync("customers").body("created", equalTo(20));
    }

    @Test
    void aFullReconciliationReadsEveryTrader() {
        SoftOneSandbox.reset(15, 0);
        sync("customers");
        TestDatabase.execute("delete from erp_sync.erp_customer where trdr in (select trdr from erp_sync.erp_customer limit 3)");

        sync("customers").body("total", equalTo(0));
        sync("customers", Map.of("full", true)).statusCode(200)
                .body("total", equalTo(15)).body("created", equalTo(3)).body("skipped", equalTo(12));
        assertEquals(15, count("erp_customer"));
    }
}
