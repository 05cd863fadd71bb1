package dev.syncline.commons.run;

/** A run is running until it ends as succeeded, partial (some records rejected) or error. */
public enum RunStatus {
    RUNNING, SUCCEEDED, PARTIAL, ERROR;

    public String dbValue() {
        return name().toLowerCase();
    }
}
