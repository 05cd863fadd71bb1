package dev.syncline.migration.compare;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One record on its way through a comparison: its id, its two match keys, and (source side) what a difference shows. */
record ComparedRecord(String id, String key1, String key2, Shown payload) {

    /** What a difference shows of a source record, stored as JSON by hand while the comparison runs (so registered). */
    @RegisterForReflection
    sealed interface Shown permits CustomerDifference.Shown, OrderDifference.Shown {
    }
}
