package dev.syncline.magento.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * A part of the entity-id space a run reads with keyset pages of its own: ids in ({@code from},
 * {@code to}], or above {@code from} without end for the last range (orders placed during the run
 * land there). {@code cursor} is the highest id read so far.
 */
record ReadRange(int number, long from, Long to, long cursor, boolean done) {

    /** Splits (after, highest] into {@code count} ranges of equal width; the last one is open-ended. */
    static List<ReadRange> split(long after, long highest, int count) {
        long width = Math.max(1, (highest - after + count - 1) / count);
        List<ReadRange> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long from = after + i * width;
            if (from >= highest && i > 0) {
                break;
            }
            boolean last = i == count - 1 || from + width >= highest;
            ranges.add(new ReadRange(i, from, last ? null : from + width, from, false));
            if (last) {
                break;
            }
        }
        return ranges;
    }
}
