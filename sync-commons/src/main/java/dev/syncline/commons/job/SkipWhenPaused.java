package dev.syncline.commons.job;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** {@code @Scheduled(skipExecutionIf = SkipWhenPaused.class)}: no execution while an operator has the job paused. */
@Singleton
public class SkipWhenPaused implements Scheduled.SkipPredicate {

    private final JobPauses pauses;

    public SkipWhenPaused(JobPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return pauses.isPaused(execution.getTrigger().getId());
    }
}
