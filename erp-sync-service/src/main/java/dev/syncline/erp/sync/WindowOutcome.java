package dev.syncline.erp.sync;

import dev.syncline.commons.run.RunCounts;
import dev.syncline.erp.trader.TraderKind;

/** What one trader sync did with its window. */
public record WindowOutcome(TraderKind kind, RunCounts counts, String windowStart, String at) {
}
