package dev.syncline.commons.run;

import dev.syncline.commons.lock.JobAlreadyRunningException;
import dev.syncline.commons.lock.JobLock;
import dev.syncline.commons.lock.LostLockException;
import dev.syncline.commons.metrics.SyncMetrics;
import dev.syncline.commons.rejected.RejectedRecords;
import io.quarkus.logging.Log;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs a job as a single-flight run: takes the job's lock, opens the run in the ledger, starts the
 * work, and when it ends records the outcome and releases the lock. {@link #start} answers a
 * {@link RunHandle} as soon as the run is open; resources answer 202 with its id, or wait for its
 * result when their contract is synchronous. Nothing a caller does (or stops doing) can leave a
 * lock or a connection behind: starting runs to its end even if the caller goes away, and the run
 * goes on until its work ends, or until the service stops ({@link #interruptAll}). A trigger while
 * the job runs anywhere fails with {@link JobAlreadyRunningException} naming the running run.
 */
@ApplicationScoped
public class SyncJobLauncher {

    /** How long a refused trigger waits for the winner's ledger row, so every 409 can name it. */
    static final Duration RUNNING_ID_WAIT = Duration.ofSeconds(3);

    private final JobLock lock;
    private final SyncRunLedger ledger;
    private final SyncMetrics metrics;
    private final Pool pool;
    private final RejectedRecords rejected;
    private final Vertx vertx;
    /** The runs of this process that have not ended, by id: each one's way to stop it early. */
    private final Map<Long, Function<RuntimeException, Uni<Void>>> inFlight = new ConcurrentHashMap<>();
    /** Interruptions whose ledger close is still under way: the service waits for them when it stops. */
    private final Map<Long, CompletableFuture<Void>> closing = new ConcurrentHashMap<>();

    public SyncJobLauncher(JobLock lock, SyncRunLedger ledger, SyncMetrics metrics, Pool pool, RejectedRecords rejected,
                           Vertx vertx) {
        this.vertx = vertx;
        this.lock = lock;
        this.ledger = ledger;
        this.metrics = metrics;
        this.pool = pool;
        this.rejected = rejected;
    }

    /** @param work the run's body; its failure ends the run as error, its value is the handle's result */
    public <T> Uni<RunHandle<T>> start(RunRequest request, Function<ActiveRun, Uni<T>> work) {
        CompletableFuture<RunHandle<T>> started = lock.tryAcquire(request.job())
                .chain(lease -> lease.isPresent() ? open(request, lease.get()) : this.<OpenRun>refuse(request.job()))
                .map(run -> launch(run, work))
                .subscribeAsCompletionStage();
        return Uni.createFrom().completionStage(started::copy);
    }

    private record OpenRun(RunRequest request, long runId, JobLock.Lease lease) {
        String job() {
            return request.job();
        }
    }

    private Uni<OpenRun> open(RunRequest request, JobLock.Lease lease) {
        return ledger.open(request.job(), request.mode(), request.trigger())
                .onFailure().call(lease::release)
                .map(runId -> new OpenRun(request, runId, lease));
    }

    /**
     * The winner inserts its ledger row right after taking the lock; wait briefly for it so the 409
     * names it. A winner that ended in the meantime leaves no running row: the 409 names no run.
     */
    private <T> Uni<T> refuse(String job) {
        return Uni.createFrom().deferred(() -> ledger.runningRunId(job))
                .onItem().ifNull().failWith(NoRunningRowYet::new)
                .onFailure(NoRunningRowYet.class).retry().withBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
                .expireIn(RUNNING_ID_WAIT.toMillis())
                // No row within the wait (the winner may already have ended, or the retries ran
                // out): still a 409, just without the run's id.
                .onFailure().recoverWithNull()
                .chain(runId -> Uni.createFrom().failure(new JobAlreadyRunningException(job, runId)));
    }

    private static final class NoRunningRowYet extends RuntimeException {
        NoRunningRowYet() {
            super(null, null, false, false);
        }
    }

    private <T> RunHandle<T> launch(OpenRun run, Function<ActiveRun, Uni<T>> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        AtomicReference<Cancellable> body = new AtomicReference<>();
        AtomicBoolean ended = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        // Stops the run early: no new step of its work starts, its ledger row is closed with the
        // reason (the close waits for every write transaction in flight, and none can follow it),
        // and its lock is released. Runs once, whichever comes first: the run's own end, a lost
        // lock, or the service stopping.
        Function<RuntimeException, Uni<Void>> interrupt = reason -> {
            if (!ended.compareAndSet(false, true)) {
                return Uni.createFrom().voidItem();
            }
            interrupted.set(true);
            CompletableFuture<Void> closed = new CompletableFuture<>();
            closing.put(run.runId(), closed);
            inFlight.remove(run.runId());
            Cancellable running = body.get();
            if (running != null) {
                running.cancel();
            }
            return close(run, reason)
                    .onItemOrFailure().invoke((summary, failure) -> outcome.completeExceptionally(reason))
                    .replaceWithVoid()
                    .onFailure().recoverWithNull()
                    .onTermination().invoke(() -> {
                        closing.remove(run.runId());
                        closed.complete(null);
                    });
        };
        inFlight.put(run.runId(), interrupt);
        // When the service stops, the HTTP server's shutdown closes lock connections opened on its
        // contexts before the runs are interrupted: that loss is the stop, not a broken connection.
        run.lease().whenLost(() -> interrupt.apply(StoppingRuns.stopping()
                ? new RunInterruptedException(SyncRunLedger.STOPPED)
                : new LostLockException("The run lost its lock: its database connection closed, so it stopped writing"))
                .subscribe().with(ignored -> { }));
        ActiveRun active = new ActiveRun(run.runId(), run.job(), pool, ledger, rejected);
        // The run gets a Vert.x context of its own: everything it does continues there, so the log
        // fields set here are on every line of this run and on no other.
        Context runContext = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        runContext.runOnContext(ignored -> {
            RunLogFields.set(run.runId(), run.job(), run.request().tenant());
            Log.infof("Run %d of %s started (%s, by %s)", run.runId(), run.job(), run.request().mode(),
                    run.request().trigger().dbValue());
            body.set(Uni.createFrom().deferred(() -> work.apply(active))
                    .onItemOrFailure().transformToUni((value, failure) -> {
                        if (!ended.compareAndSet(false, true)) {
                            // Interrupted meanwhile: the interruption closed the run and answers the outcome.
                            return Uni.createFrom().<T>nothing();
                        }
                        inFlight.remove(run.runId());
                        return close(run, failure)
                                .onItemOrFailure().transformToUni((summary, closeFailure) -> outcomeOf(value, failure, summary));
                    })
                    .subscribe().with(outcome::complete, outcome::completeExceptionally));
            if (interrupted.get()) {
                // Interrupted before the work was subscribed: make sure it does not go on.
                body.get().cancel();
            }
        });
        return new RunHandle<>(run.runId(), Uni.createFrom().completionStage(outcome::copy));
    }

    /**
     * Closes every run of this process that has not ended, as interrupted, and releases their
     * locks; called when the service stops. What a run wrote so far stays (each write is a whole
     * transaction with its progress marker), nothing more is written, and the next run of the job
     * goes on from there.
     *
     * @return how many runs were interrupted
     */
    public Uni<Integer> interruptAll() {
        List<Function<RuntimeException, Uni<Void>>> running = List.copyOf(inFlight.values());
        running.forEach(interrupt -> interrupt.apply(new RunInterruptedException(SyncRunLedger.STOPPED)).subscribe().with(ignored -> { }));
        // Every close under way, including those a lost lock started as the service began to stop:
        // the database pool must outlive them.
        List<CompletableFuture<Void>> closes = List.copyOf(closing.values());
        if (closes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)))
                .replaceWith(closes.size());
    }

    private static <T> Uni<T> outcomeOf(T value, Throwable failure, SyncRunLedger.RunSummary summary) {
        if (failure != null) {
            return Uni.createFrom().failure(failure);
        }
        if (summary != null && summary.closedBefore()) {
            return Uni.createFrom().failure(new LostLockException(summary.error()));
        }
        return Uni.createFrom().item(value);
    }

    private Uni<SyncRunLedger.RunSummary> close(OpenRun run, Throwable failure) {
        return ledger.finish(run.runId(), failure)
                .invoke(summary -> report(summary, failure))
                .onFailure().invoke(e -> Log.errorf(e, "Run %d of %s could not be closed in the ledger", run.runId(), run.job()))
                .onTermination().call(run.lease()::release);
    }

    private void report(SyncRunLedger.RunSummary run, Throwable failure) {
        metrics.runFinished(run);
        RunCounts c = run.counts();
        String message = String.format("Run %d of %s %s in %.1f s: %d read, %d created, %d updated, %d skipped, %d rejected",
                run.runId(), run.job(), run.status().dbValue(), run.seconds(), c.read(), c.created(), c.updated(),
                c.skipped(), c.rejected());
        if (run.status() != RunStatus.ERROR) {
            Log.info(message);
        } else if (failure != null && FailureMessage.isUnexpected(failure)) {
            Log.error(message + "; reason: " + run.error(), failure);
        } else {
            Log.warn(message + "; reason: " + run.error());
        }
    }
}
