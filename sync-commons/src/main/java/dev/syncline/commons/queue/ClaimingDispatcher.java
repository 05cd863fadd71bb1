package dev.syncline.commons.queue;

import dev.syncline.commons.run.FailureMessage;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs work that waits in a database table, at most {@code capacity} at a time on this replica.
 * {@link #wake()} claims as much as there is room for (the claim itself, e.g. UPDATE … FOR UPDATE
 * SKIP LOCKED, keeps replicas apart), one claim round at a time, and again whenever a piece ends.
 * A service calls {@code wake()} after it recorded new work and from a short periodic poll, which
 * also picks up work recorded on other replicas, retries that came due and leases that ran out.
 */
public final class ClaimingDispatcher<T> {

    private final String what;
    private final int capacity;
    private final Function<Integer, Uni<List<T>>> claim;
    private final Function<T, Uni<Void>> run;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wokenWhileClaiming = new AtomicBoolean();

    /**
     * @param what     what is claimed, for the log ("profile syncs", "catalog jobs")
     * @param claim    claims up to the given number of pieces for this replica
     * @param run      does one piece; its failure is its own to record, the dispatcher only logs it
     */
    public ClaimingDispatcher(String what, int capacity, Function<Integer, Uni<List<T>>> claim, Function<T, Uni<Void>> run) {
        this.what = what;
        this.capacity = Math.max(1, capacity);
        this.claim = claim;
        this.run = run;
    }

    public void wake() {
        if (!claiming.compareAndSet(false, true)) {
            wokenWhileClaiming.set(true);
            return;
        }
        int room = capacity - running.get();
        if (room <= 0) {
            claiming.set(false);
            return;
        }
        wokenWhileClaiming.set(false);
        Uni.createFrom().deferred(() -> claim.apply(room)).subscribe().with(
                claimed -> {
                    claimed.forEach(this::start);
                    claiming.set(false);
                    if (claimed.size() == room || wokenWhileClaiming.get()) {
                        wake();
                    }
                },
                failure -> {
                    claiming.set(false);
                    Log.warnf("Could not claim %s: %s", what, FailureMessage.of(failure));
                });
    }

    /** How many pieces run on this replica now. */
    public int running() {
        return running.get();
    }

    private void start(T piece) {
        running.incrementAndGet();
        Uni.createFrom().deferred(() -> run.apply(piece))
                .onTermination().invoke(running::decrementAndGet)
                .subscribe().with(
                        done -> wake(),
                        failure -> {
                            Log.warnf("One of the %s failed: %s", what, FailureMessage.of(failure));
                            wake();
                        });
    }
}
