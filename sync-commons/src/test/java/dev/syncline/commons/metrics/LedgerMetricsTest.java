package dev.syncline.commons.metrics;

import dev.syncline.commons.run.RunHandle;
import dev.syncline.commons.run.RunRequest;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.commons.testing.FreshDatabaseResource;
import dev.syncline.commons.testing.MetricsText;
import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.UpstreamUnavailable;
import dev.syncline.commons.upstream.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job gauges come from the ledger: runs another replica recorded show up once the ledger is read again. */
@QuarkusTest
@WithTestResource(FreshDatabaseResource.class)
class LedgerMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    LedgerMetrics metrics;
    @Inject
    SyncJobLauncher launcher;
    @Inject
    Upstreams upstreams;

    @Test
    void runsAnotherReplicaRecordedShowAfterTheNextRead() {
        // Rows written directly, as another replica's finished runs are.
        TestDatabase.execute("""
                insert into commons_probe.sync_run (job, mode, trigger, status, started_at, finished_at, records_rejected) values
                ('probe-failing', 'full', 'schedule', 'succeeded', '2026-01-01T10:00:00Z', '2026-01-01T10:01:40Z', 0),
                ('probe-failing', 'full', 'schedule', 'partial',   '2026-01-01T11:00:00Z', '2026-01-01T11:01:40Z', 3),
                ('probe-failing', 'full', 'schedule', 'error',     '2026-01-01T12:00:00Z', '2026-01-01T12:00:10Z', 0),
                ('probe-failing', 'full', 'cron',     'error',     '2026-01-01T13:00:00Z', '2026-01-01T13:00:20Z', 0),
                ('probe-healthy', 'delta', 'cron',    'error',     '2026-01-02T09:00:00Z', '2026-01-02T09:00:05Z', 0),
                ('probe-healthy', 'delta', 'cron',    'partial',   '2026-01-02T10:00:00Z', '2026-01-02T10:00:30Z', 7)""");
        metrics.refresh().await().atMost(WAIT);

        MetricsText after = MetricsText.scrape();
        assertEquals(Instant.parse("2026-01-01T11:01:40Z").getEpochSecond(),
                after.value("syncline_job_last_success_timestamp_seconds", "sync_job", "probe-failing"));
        assertEquals(Instant.parse("2026-01-01T13:00:20Z").getEpochSecond(),
                after.value("syncline_job_last_failure_timestamp_seconds", "sync_job", "probe-failing"));
        assertEquals(2, after.value("syncline_job_consecutive_failures", "sync_job", "probe-failing"));
        assertEquals(0, after.value("syncline_job_consecutive_failures", "sync_job", "probe-healthy"));
        assertEquals(1, after.value("syncline_job_runs", "status", "succeeded", "sync_job", "probe-failing"));
        assertEquals(1, after.value("syncline_job_runs", "status", "partial", "sync_job", "probe-failing"));
        assertEquals(2, after.value("syncline_job_runs", "status", "error", "sync_job", "probe-failing"));
        assertEquals(0, after.value("syncline_job_runs", "status", "running", "sync_job", "probe-failing"));
        assertEquals(0, after.value("syncline_job_records_rejected", "sync_job", "probe-failing"), "the last run rejected none");
        assertEquals(7, after.value("syncline_job_records_rejected", "sync_job", "probe-healthy"));
        assertEquals(60, after.value("syncline_job_usual_duration_seconds", "sync_job", "probe-failing"),
                "median of 10, 20, 100 and 100 s");
        assertEquals(0, after.value("syncline_job_running_seconds", "sync_job", "probe-failing"));
    }

    @Test
    void theCurrentRunsAgeShowsWhileItRunsAndASuccessEndsTheFailureStreak() {
        TestDatabase.execute("""
                insert into commons_probe.sync_run (job, mode, trigger, status, started_at, finished_at) values
                ('probe-streak', 'full', 'schedule', 'error', now() - interval '2 hours', now() - interval '2 hours')""");
        CompletableFuture<Void> release = new CompletableFuture<>();
        RunHandle<Void> run = launcher.start(new RunRequest("probe-streak", "full", RunTrigger.API),
                active -> Uni.createFrom().completionStage(release)).await().atMost(WAIT);
        metrics.refresh().await().atMost(WAIT);

        MetricsText running = MetricsText.scrape();
        assertEquals(1, running.value("syncline_job_runs", "status", "running", "sync_job", "probe-streak"));
        double age = running.value("syncline_job_running_seconds", "sync_job", "probe-streak");
        assertTrue(age >= 0 && age < 60, "the run started moments ago, not " + age + " s ago");
        assertEquals(1, running.value("syncline_job_consecutive_failures", "sync_job", "probe-streak"));
        assertEquals(0, running.value("syncline_job_last_success_timestamp_seconds", "sync_job", "probe-streak"),
                "never succeeded");

        release.complete(null);
        run.result().await().atMost(WAIT);
        metrics.refresh().await().atMost(WAIT);

        MetricsText ended = MetricsText.scrape();
        assertEquals(0, ended.value("syncline_job_running_seconds", "sync_job", "probe-streak"));
        assertEquals(0, ended.value("syncline_job_runs", "status", "running", "sync_job", "probe-streak"));
        assertEquals(1, ended.value("syncline_job_runs", "status", "succeeded", "sync_job", "probe-streak"));
        assertEquals(0, ended.value("syncline_job_consecutive_failures", "sync_job", "probe-streak"));
        double lastSuccess = ended.value("syncline_job_last_success_timestamp_seconds", "sync_job", "probe-streak");
        assertTrue(Math.abs(lastSuccess - Instant.now().getEpochSecond()) < 60, "succeeded just now, not at " + lastSuccess);
    }

    @Test
    void anOpenBreakerShowsAsOne() {
        Upstream healthy = upstreams.named("probe-healthy-upstream", "Healthy");
        healthy.call(() -> Uni.createFrom().item("ok")).await().atMost(WAIT);
        Upstream failing = upstreams.named("probe-breaker", "Failing");
        for (int i = 0; i < 2; i++) {
            assertThrows(UpstreamUnavailable.class, () -> failing.call(
                    () -> Uni.createFrom().failure(new UpstreamUnavailable("down", null))).await().atMost(WAIT));
        }

        MetricsText scraped = MetricsText.scrape();
        assertEquals(1, scraped.value("syncline_upstream_breaker_open", "upstream", "probe-breaker"));
        assertEquals(0, scraped.value("syncline_upstream_breaker_open", "upstream", "probe-healthy-upstream"));
    }
}
