package dev.syncline.migration.compare;

/** One record on its way through a comparison: its id, its two match keys, and (source side) what a difference shows. */
record ComparedRecord(String id, String key1, String key2, Object payload) {
}
