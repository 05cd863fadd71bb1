package dev.syncline.commons.run;

import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.testing.FreshDatabaseResource;
import dev.syncline.commons.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single flight and the run ledger on a real PostgreSQL. */
@QuarkusTest
@WithTestResource(FreshDatabaseResource.class)
class SyncJobLauncherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    SyncJobLauncher launcher;
    @Inject
    JobLock lock;

    @Test
    void aSecondStartWhileTheFirstRunsIsRefusedWithTheRunningId() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        long runId = launcher.start("probe-single", "full", RunTrigger.API,
                id -> Uni.createFrom().completionStage(release)).await().atMost(WAIT);

        JobAlreadyRunningException refused = assertThrows(JobAlreadyRunningException.class, () ->
                launcher.start("probe-single", "full", RunTrigger.CRON, id -> Uni.createFrom().voidItem())
                        .await().atMost(WAIT));
        assertEquals(runId, refused.runningRunId());
        assertTrue(lock.isHeld("probe-single").await().atMost(WAIT));

        release.complete(null);
        awaitStatus(runId, "succeeded");
        await().atMost(WAIT).until(() -> !lock.isHeld("probe-single").await().atMost(WAIT));
        long next = launcher.start("probe-single", "incremental", RunTrigger.SCHEDULE, id -> Uni.createFrom().voidItem())
                .await().atMost(WAIT);
        awaitStatus(next, "succeeded");
        assertEquals("schedule", TestDatabase.queryString("select trigger from commons_probe.sync_run where id = " + next));
    }

    @Test
    void otherJobsRunAlongside() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        long first = launcher.start("probe-a", "full", RunTrigger.API, id -> Uni.createFrom().completionStage(release))
                .await().atMost(WAIT);
        long second = launcher.start("probe-b", "full", RunTrigger.API, id -> Uni.createFrom().voidItem())
                .await().atMost(WAIT);
        awaitStatus(second, "succeeded");
        release.complete(null);
        awaitStatus(first, "succeeded");
    }

    @Test
    void aFailingRunEndsAsErrorWithItsMessageAndRejectedRecordsMakeItPartial() {
        long failed = launcher.start("probe-fail", "full", RunTrigger.API,
                id -> Uni.createFrom().failure(new IllegalStateException("upstream said no"))).await().atMost(WAIT);
        awaitStatus(failed, "error");
        assertEquals("upstream said no",
                TestDatabase.queryString("select error_message from commons_probe.sync_run where id = " + failed));

        long partial = launcher.start("probe-partial", "full", RunTrigger.API, id -> Uni.createFrom().voidItem()
                .invoke(() -> TestDatabase.execute("update commons_probe.sync_run set records_rejected = 2 where id = " + id)))
                .await().atMost(WAIT);
        awaitStatus(partial, "partial");
        assertNull(TestDatabase.queryString("select error_message from commons_probe.sync_run where id = " + partial));
    }

    @Test
    void aRunLeftRunningByACrashIsClosedWhenTheNextOneStarts() {
        TestDatabase.execute("insert into commons_probe.sync_run (job, mode, trigger, status) values ('probe-crash', 'full', 'api', 'running')");
        long stale = TestDatabase.queryLong("select max(id) from commons_probe.sync_run where job = 'probe-crash'");
        assertFalse(lock.isHeld("probe-crash").await().atMost(WAIT), "nobody holds the lock of a crashed run");

        long next = launcher.start("probe-crash", "full", RunTrigger.API, id -> Uni.createFrom().voidItem())
                .await().atMost(WAIT);

        awaitStatus(next, "succeeded");
        assertEquals("error", TestDatabase.queryString("select status from commons_probe.sync_run where id = " + stale));
        assertTrue(TestDatabase.queryString("select error_message from commons_probe.sync_run where id = " + stale)
                .startsWith("Interrupted"));
    }

    private static void awaitStatus(long runId, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() ->
                status.equals(TestDatabase.queryString("select status from commons_probe.sync_run where id = " + runId)));
    }
}
