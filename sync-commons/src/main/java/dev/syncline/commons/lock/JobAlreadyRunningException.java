package dev.syncline.commons.lock;

/** A trigger arrived while the same job runs (on this replica or another); answered with 409. */
public class JobAlreadyRunningException extends RuntimeException {

    private final Long runningRunId;

    public JobAlreadyRunningException(String job, Long runningRunId) {
        super(runningRunId == null
                ? "Job " + job + " is already running"
                : "Job " + job + " is already running as run " + runningRunId);
        this.runningRunId = runningRunId;
    }

    public Long runningRunId() {
        return runningRunId;
    }
}
