package dev.syncline.commons.run;

/** Records a step of a run read and what became of them; added to the run's counters. */
public record RunCounts(long read, long created, long updated, long skipped, long rejected) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0);
}
