package dev.syncline.e2e;

import dev.syncline.e2e.E2eSystem.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real pg_cron (the e2e cluster) fires a job through the trigger table; the shipped SQL schedules. */
class PgCronIT {

    @BeforeAll
    static void start() {
        E2eSystem.start();
    }

    @Test
    void aPgCronJobStartsARunRecordedAsCron() throws Exception {
        given().contentType("application/json").body("{\"customers\": 10, \"suppliers\": 12}")
                .post(E2eSystem.SANDBOX + "/sandbox/softone/reset").then().statusCode(200);
        long before;
        try (Connection db = E2eSystem.database(); Statement sql = db.createStatement()) {
            before = count(sql, "select coalesce(max(id), 0) from erp_sync.sync_run");
            // pg_cron's smallest unit is a minute (this pg_cron has no seconds schedules).
            sql.execute("select cron.schedule('e2e-erp-suppliers', '* * * * *', "
                    + "$$insert into erp_sync.cron_trigger (job, body) values ('sync-suppliers', '{\"full\": true}')$$)");
        }
        try (Connection db = E2eSystem.database(); Statement sql = db.createStatement()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(100));
            long runId = 0;
            while (Instant.now().isBefore(deadline) && runId == 0) {
                runId = count(sql, "select coalesce(max(id), 0) from erp_sync.sync_run where trigger = 'cron' and job = 'erp-suppliers' "
                        + "and status <> 'running' and id > " + before);
                Thread.sleep(500);
            }
            assertTrue(runId > 0, "pg_cron started a suppliers run within 100 s");
            assertEquals("succeeded", string(sql, "select status from erp_sync.sync_run where id = " + runId));
            assertEquals("full", string(sql, "select mode from erp_sync.sync_run where id = " + runId), "the body reached the endpoint");
            assertEquals(12, count(sql, "select records_read from erp_sync.sync_run where id = " + runId));
            assertEquals(1, count(sql, "select count(*) from erp_sync.cron_trigger where http_status = 200 "
                    + "and (answer::jsonb ->> 'runId')::bigint = " + runId), "the trigger row holds the endpoint's answer");
            assertTrue(count(sql, "select count(*) from cron.job_run_details d join cron.job j using (jobid) "
                    + "where j.jobname = 'e2e-erp-suppliers' and d.status = 'succeeded'") >= 1);
        } finally {
            try (Connection db = E2eSystem.database(); Statement sql = db.createStatement()) {
                sql.execute("select cron.unschedule('e2e-erp-suppliers')");
            }
        }
        given().auth().oauth2(E2eSystem.token(Service.ERP, "vic")).get(Service.ERP.url() + "/api/cron-triggers")
                .then().statusCode(200).body("listening", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void everyShippedPlainScheduleIsAcceptedByPgCronAndNamesAKnownJob() throws Exception {
        Path plain = Path.of(System.getProperty("e2e.root", "..")).resolve("deploy/pg_cron/plain");
        List<Path> files;
        try (Stream<Path> listed = Files.list(plain)) {
            files = listed.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
        assertEquals(5, files.size(), "one file per service");
        List<String> names = new ArrayList<>();
        try (Connection db = E2eSystem.database(); Statement sql = db.createStatement()) {
            for (Path file : files) {
                String script = Files.readString(file);
                sql.execute(script);
                Matcher scheduled = Pattern.compile("cron\\.schedule\\('([^']+)'").matcher(script);
                while (scheduled.find()) {
                    names.add(scheduled.group(1));
                }
            }
            try {
                for (String name : names) {
                    assertEquals(1, count(sql, "select count(*) from cron.job where jobname = '" + name + "' and active"), name);
                }
                // Every command names a job its service knows: run each once, as pg_cron would, and
                // read the service's answer on the trigger row (started, or 409 while one runs).
                List<String> commands = new ArrayList<>();
                try (ResultSet rows = db.createStatement().executeQuery("select command from cron.job where jobname = any(array['"
                        + String.join("','", names) + "'])")) {
                    while (rows.next()) {
                        commands.add(rows.getString(1));
                    }
                }
                for (String command : commands) {
                    String table = command.replaceAll("(?s)^insert into (\\w+\\.cron_trigger).*", "$1");
                    long before = count(sql, "select coalesce(max(id), 0) from " + table);
                    sql.execute(command);
                    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                    while (count(sql, "select count(*) from " + table + " where id > " + before + " and answered_at is null") > 0) {
                        assertTrue(Instant.now().isBefore(deadline), "the service answered " + command);
                        Thread.sleep(200);
                    }
                    String status = string(sql, "select http_status || ' ' || coalesce(answer, '') from " + table + " where id > " + before);
                    assertTrue(status.matches("(?s)(20[02]|409) .*"), command + " -> " + status);
                }
            } finally {
                for (String name : names) {
                    sql.execute("select cron.unschedule('" + name + "')");
                }
            }
        }
        assertTrue(names.size() >= 8, "the schedules of all five services: " + names);
    }

    @Test
    void theSupabaseScheduleShowsOnlyItsOwnPgNetAnswers() throws Exception {
        // pg_net and Vault stand-ins with their published signatures: net.http_post answers a request
        // id and leaves the answer in net._http_response, as pg_net does for every caller of the database.
        String script = Files.readString(Path.of(System.getProperty("e2e.root", "..")).resolve("deploy/pg_cron/supabase/package-sync.sql"));
        try (Connection db = E2eSystem.database(); Statement sql = db.createStatement()) {
            sql.execute("""
                    create schema vault;
                    create table vault.decrypted_secrets (name text primary key, decrypted_secret text);
                    insert into vault.decrypted_secrets values ('package_sync_base_url', 'https://booking.example.com'),
                                                               ('package_sync_cron_secret', 'not-a-real-secret');
                    create schema net;
                    create sequence net.request_id_seq;
                    create table net._http_response (id bigint, status_code integer, content_type text, headers jsonb,
                                                     content text, timed_out boolean, error_msg text, created timestamptz not null default now());
                    create function net.http_post(url text, body jsonb default '{}', params jsonb default '{}',
                                                  headers jsonb default '{}', timeout_milliseconds integer default 5000)
                        returns bigint language sql as $$
                        insert into net._http_response (id, status_code, content)
                        values (nextval('net.request_id_seq'), 202, jsonb_build_object('runId', 7, 'url', url)::text)
                        returning id $$;
                    """);
            try {
                sql.execute(script);
                String command = string(sql, "select command from cron.job where jobname = 'daily-package-sync'");
                sql.execute(command);
                sql.execute("select net.http_post(url := 'https://another-app.example.com/hook')");
                sql.execute(command);

                String diagnostic = script.substring(script.indexOf("-- What did the service answer?"));
                int select = diagnostic.indexOf("\nselect") + 1;
                diagnostic = diagnostic.substring(select, diagnostic.indexOf(';', select) + 1);
                List<String> requestIds = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery(diagnostic)) {
                    while (rows.next()) {
                        assertEquals(202, rows.getInt("status_code"));
                        assertEquals("7", rows.getString("run_id"));
                        requestIds.add(rows.getString("request_id"));
                    }
                }
                assertEquals(2, requestIds.size(), "the job's two calls, not the other application's: " + requestIds);
                assertEquals(0, count(sql, "select count(*) from net._http_response r join public.syncline_cron_call c "
                        + "on c.request_id = r.id where r.content not like '%/api/crm/sync-packages%'"));
            } finally {
                sql.execute("select cron.unschedule('daily-package-sync') from cron.job where jobname = 'daily-package-sync'");
                sql.execute("drop table if exists public.syncline_cron_call; drop schema net cascade; drop schema vault cascade");
            }
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String string(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
