package dev.syncline.commons.run;

/** A run was stopped before its work ended because its service is stopping. */
public class RunInterruptedException extends RuntimeException {

    public RunInterruptedException(String message) {
        super(message);
    }
}
