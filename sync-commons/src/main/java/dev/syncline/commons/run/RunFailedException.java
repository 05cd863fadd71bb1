package dev.syncline.commons.run;

import java.util.Map;

/**
 * A run a caller waited for ended as error; answered with 502 and the run's id, the reason in
 * words, and whatever else the endpoint's contract reports about the run (e.g. its result).
 */
public class RunFailedException extends RuntimeException {

    private final long runId;
    private final Map<String, Object> members;

    public RunFailedException(long runId, Throwable failure) {
        this(runId, FailureMessage.of(failure), Map.of());
    }

    public RunFailedException(long runId, String reason, Map<String, Object> members) {
        super(reason);
        this.runId = runId;
        this.members = Map.copyOf(members);
    }

    public long runId() {
        return runId;
    }

    public Map<String, Object> members() {
        return members;
    }
}
