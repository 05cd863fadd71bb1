package dev.syncline.commons.run;

import io.smallrye.mutiny.Uni;

/**
 * A started run: its id at once, and its outcome later. {@code result} completes once the ledger
 * has the run's end, with the work's value or the run's failure; a caller that stops waiting for
 * it does not stop the run.
 */
public record RunHandle<T>(long runId, Uni<T> result) {
}
