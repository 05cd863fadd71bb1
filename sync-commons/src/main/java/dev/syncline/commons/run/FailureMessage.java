package dev.syncline.commons.run;

import io.vertx.pgclient.PgException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a run failed, as the ledger and the API say it: our own failures carry words already; a
 * database error keeps PostgreSQL's message; anything else is an internal error whose detail
 * (class names, stack) only the log gets.
 */
public final class FailureMessage {

    static final String INTERNAL = "An unexpected internal error stopped the run; the service log has the details";
    private static final int MAX_LENGTH = 2000;

    private FailureMessage() {
    }

    public static String of(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        String message;
        if (isOurs(e) && e.getMessage() != null) {
            message = e.getMessage();
        } else if (e instanceof PgException pg) {
            message = "The database refused a write: " + pg.getErrorMessage();
        } else if (e instanceof OutOfMemoryError) {
            message = "The service ran out of memory";
        } else {
            message = INTERNAL;
        }
        return message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) : message;
    }

    /** Whether the log should get the stack trace: the message alone does not explain it. */
    public static boolean isUnexpected(Throwable failure) {
        return INTERNAL.equals(of(failure));
    }

    private static boolean isOurs(Throwable e) {
        return e.getClass().getName().startsWith("dev.syncline.");
    }
}
