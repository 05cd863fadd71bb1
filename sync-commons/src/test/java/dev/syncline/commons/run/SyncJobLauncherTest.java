package dev.syncline.commons.run;

import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.lock.LostLockException;
import dev.syncline.commons.testing.FreshDatabaseResource;
import dev.syncline.commons.testing.TestDatabase;
import dev.syncline.commons.upstream.UpstreamRefused;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single flight, the run handle and the ledger on a real PostgreSQL. */
@QuarkusTest
@WithTestResource(FreshDatabaseResource.class)
class SyncJobLauncherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    SyncJobLauncher launcher;
    @Inject
    JobLock lock;

    private <T> RunHandle<T> start(String job, RunTrigger trigger, Function<ActiveRun, Uni<T>> work) {
        return launcher.start(new RunRequest(job, "full", trigger), work).await().atMost(WAIT);
    }

    @Test
    void aSecondStartWhileTheFirstRunsIsRefusedWithTheRunningId() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        RunHandle<Void> first = start("probe-single", RunTrigger.API, run -> Uni.createFrom().completionStage(release));

        JobAlreadyRunningException refused = assertThrows(JobAlreadyRunningException.class, () ->
                start("probe-single", RunTrigger.CRON, run -> Uni.createFrom().voidItem()));
        assertEquals(first.runId(), refused.runningRunId());
        assertTrue(lock.isHeld("probe-single").await().atMost(WAIT));

        release.complete(null);
        first.result().await().atMost(WAIT);
        assertEquals("succeeded", status(first.runId()), "the ledger is closed when the result arrives");
        await().atMost(WAIT).until(() -> !lock.isHeld("probe-single").await().atMost(WAIT));
        RunHandle<Void> next = start("probe-single", RunTrigger.SCHEDULE, run -> Uni.createFrom().voidItem());
        next.result().await().atMost(WAIT);
        assertEquals("schedule", TestDatabase.queryString("select trigger from commons_probe.sync_run where id = " + next.runId()));
    }

    @Test
    void aLockHeldWithoutARunningRowIsStillA409WithoutARunId() {
        // What a trigger sees when the winner took the lock and ended before its row could be read.
        JobLock.Lease held = lock.tryAcquire("probe-rowless").await().atMost(WAIT).orElseThrow();
        try {
            JobAlreadyRunningException refused = assertThrows(JobAlreadyRunningException.class, () ->
                    start("probe-rowless", RunTrigger.CRON, run -> Uni.createFrom().voidItem()));
            assertNull(refused.runningRunId());
        } finally {
            held.release().await().atMost(WAIT);
        }
    }

    @Test
    void theResultCarriesTheWorksValueAndOtherJobsRunAlongside() {
        CompletableFuture<String> release = new CompletableFuture<>();
        RunHandle<String> slow = start("probe-a", RunTrigger.API, run -> Uni.createFrom().completionStage(release));
        RunHandle<Long> quick = start("probe-b", RunTrigger.API, run -> Uni.createFrom().item(run.id() * 10));

        assertEquals(quick.runId() * 10, quick.result().await().atMost(WAIT));
        release.complete("done");
        assertEquals("done", slow.result().await().atMost(WAIT));
    }

    @Test
    void aFailingRunEndsAsErrorWithWordsAndRejectedRecordsMakeItPartial() {
        RunHandle<Void> refused = start("probe-fail", RunTrigger.API,
                run -> Uni.createFrom().failure(new UpstreamRefused("The upstream said no")));
        assertThrows(UpstreamRefused.class, () -> refused.result().await().atMost(WAIT));
        assertEquals("error", status(refused.runId()));
        assertEquals("The upstream said no", errorMessage(refused.runId()));

        RunHandle<Void> broken = start("probe-fail", RunTrigger.API,
                run -> Uni.createFrom().failure(new IllegalStateException("dev.internal.Thing#method exploded")));
        assertThrows(IllegalStateException.class, () -> broken.result().await().atMost(WAIT));
        assertEquals(FailureMessage.INTERNAL, errorMessage(broken.runId()), "no class or method names reach the ledger");

        RunHandle<Void> partial = start("probe-partial", RunTrigger.API, run -> run.inTransaction(tx ->
                run.count(tx, new RunCounts(3, 1, 0, 0, 2))));
        partial.result().await().atMost(WAIT);
        assertEquals("partial", status(partial.runId()));
        assertNull(errorMessage(partial.runId()));
    }

    @Test
    void aRunLeftRunningByACrashIsClosedWhenTheNextOneStarts() {
        TestDatabase.execute("insert into commons_probe.sync_run (job, mode, trigger, status) values ('probe-crash', 'full', 'api', 'running')");
        long stale = TestDatabase.queryLong("select max(id) from commons_probe.sync_run where job = 'probe-crash'");
        assertFalse(lock.isHeld("probe-crash").await().atMost(WAIT), "nobody holds the lock of a crashed run");

        RunHandle<Void> next = start("probe-crash", RunTrigger.API, run -> Uni.createFrom().voidItem());

        next.result().await().atMost(WAIT);
        assertEquals("succeeded", status(next.runId()));
        assertEquals("error", status(stale));
        assertTrue(errorMessage(stale).startsWith("Interrupted"));
    }

    @Test
    void aRunThatLosesItsLockStopsWritingBeforeTheNextRunStarts() {
        CompletableFuture<Void> proceed = new CompletableFuture<>();
        RunHandle<Void> first = start("probe-lost", RunTrigger.API, run -> run
                .inTransaction(tx -> run.count(tx, new RunCounts(1, 1, 0, 0, 0)))
                .chain(() -> Uni.createFrom().completionStage(proceed))
                .chain(() -> run.inTransaction(tx -> run.count(tx, new RunCounts(1, 1, 0, 0, 0)))));
        await().atMost(WAIT).until(() -> readCount(first.runId()) == 1);

        TestDatabase.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objsubid = 1 "
                + "and database = (select oid from pg_database where datname = current_database())");

        await().atMost(WAIT).until(() -> "error".equals(status(first.runId())));
        assertTrue(errorMessage(first.runId()).contains("lost its lock"), errorMessage(first.runId()));
        RunHandle<Void> second = start("probe-lost", RunTrigger.API, run -> Uni.createFrom().voidItem());
        second.result().await().atMost(WAIT);

        proceed.complete(null);
        CompletionException stopped = assertThrows(CompletionException.class,
                () -> first.result().subscribeAsCompletionStage().join());
        assertInstanceOf(LostLockException.class, stopped.getCause());
        assertEquals(1, readCount(first.runId()), "nothing written after the lock was lost");
        assertEquals("error", status(first.runId()), "a closed run is never rewritten");
        assertEquals("succeeded", status(second.runId()));
        assertTrue(TestDatabase.queryLong("select count(*) from commons_probe.sync_run where id = " + first.runId()
                + " and finished_at <= (select started_at from commons_probe.sync_run where id = " + second.runId() + ")") == 1,
                "the lost run was closed before the next one started");
    }

    @Test
    void stoppingTheServiceClosesItsRunsAsInterruptedAndTheyWriteNothingMore() {
        CompletableFuture<Void> proceed = new CompletableFuture<>();
        RunHandle<Void> run = start("probe-stop", RunTrigger.CRON, active -> active
                .inTransaction(tx -> active.count(tx, new RunCounts(1, 1, 0, 0, 0)))
                .chain(() -> Uni.createFrom().completionStage(proceed))
                .chain(() -> active.inTransaction(tx -> active.count(tx, new RunCounts(1, 1, 0, 0, 0)))));
        await().atMost(WAIT).until(() -> readCount(run.runId()) == 1);

        // What the ShutdownEvent observer does when the container gets SIGTERM.
        assertTrue(launcher.interruptAll().await().atMost(WAIT) >= 1);

        assertEquals("error", status(run.runId()), "closed when the stop returns, not at the next start");
        assertEquals(SyncRunLedger.STOPPED, errorMessage(run.runId()));
        assertFalse(lock.isHeld("probe-stop").await().atMost(WAIT), "the lock is released");
        CompletionException stopped = assertThrows(CompletionException.class,
                () -> run.result().subscribeAsCompletionStage().join());
        assertInstanceOf(RunInterruptedException.class, stopped.getCause());

        proceed.complete(null);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> readCount(run.runId()) == 1);
        assertEquals(0, launcher.interruptAll().await().atMost(WAIT), "an interrupted run is no longer in flight");
        RunHandle<Void> next = start("probe-stop", RunTrigger.API, active -> Uni.createFrom().voidItem());
        next.result().await().atMost(WAIT);
        assertEquals("succeeded", status(next.runId()));
    }

    @Test
    void aRunThatAnotherReplicaClosedCannotWriteAnyMore() {
        CompletableFuture<Void> proceed = new CompletableFuture<>();
        RunHandle<Void> run = start("probe-fenced", RunTrigger.API, active -> Uni.createFrom().completionStage(proceed)
                .chain(() -> active.inTransaction(tx -> active.count(tx, new RunCounts(5, 5, 0, 0, 0)))));
        TestDatabase.execute("update commons_probe.sync_run set status = 'error', error_message = 'closed elsewhere' "
                + "where id = " + run.runId());

        proceed.complete(null);

        assertThrows(LostLockException.class, () -> run.result().await().atMost(WAIT));
        assertEquals(0, readCount(run.runId()), "the fence refused the write");
        assertEquals("closed elsewhere", errorMessage(run.runId()), "the ledger row stays as it was closed");
    }

    @Test
    void everyRefusedTriggerNamesTheRunningRun() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(callers.submit(() -> {
                    try {
                        return start("probe-storm", RunTrigger.CRON, run -> Uni.createFrom().completionStage(release));
                    } catch (JobAlreadyRunningException e) {
                        return e;
                    }
                }));
            }
            List<RunHandle<?>> started = new ArrayList<>();
            List<JobAlreadyRunningException> refused = new ArrayList<>();
            for (Future<Object> answer : answers) {
                Object outcome = answer.get();
                if (outcome instanceof RunHandle<?> handle) {
                    started.add(handle);
                } else {
                    refused.add((JobAlreadyRunningException) outcome);
                }
            }
            assertEquals(1, started.size());
            assertEquals(19, refused.size());
            for (JobAlreadyRunningException e : refused) {
                assertNotNull(e.runningRunId(), "every 409 names the running run");
                assertEquals(started.get(0).runId(), e.runningRunId());
            }
        } finally {
            release.complete(null);
            callers.shutdown();
        }
    }

    @Test
    void callersThatStopWaitingLeaveNoLockAndNoRunningRunBehind() {
        for (int i = 0; i < 30; i++) {
            launcher.start(new RunRequest("probe-cancel", "full", RunTrigger.API), run -> Uni.createFrom().voidItem()
                            .onItem().delayIt().by(Duration.ofMillis(5)))
                    .subscribe().with(handle -> { }, failure -> { })
                    .cancel();
        }
        // The abandoned starts still run to their end; wait until every one has, and nothing stays behind.
        await().atMost(WAIT).during(Duration.ofMillis(700)).until(() -> TestDatabase.queryLong(
                "select count(*) from commons_probe.sync_run where job = 'probe-cancel' and status = 'running'") == 0
                && !lock.isHeld("probe-cancel").await().atMost(WAIT));
        RunHandle<Void> after = start("probe-cancel", RunTrigger.API, run -> Uni.createFrom().voidItem());
        after.result().await().atMost(WAIT);
        assertEquals("succeeded", status(after.runId()));
    }

    private static String status(long runId) {
        return TestDatabase.queryString("select status from commons_probe.sync_run where id = " + runId);
    }

    private static String errorMessage(long runId) {
        return TestDatabase.queryString("select error_message from commons_probe.sync_run where id = " + runId);
    }

    private static long readCount(long runId) {
        return TestDatabase.queryLong("select records_read from commons_probe.sync_run where id = " + runId);
    }
}
