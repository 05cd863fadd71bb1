package dev.syncline.erp.softone;

/** SoftOne could not be reached, failed with 5xx, timed out or sent something unreadable. Retried. */
public class SoftOneUnavailableException extends RuntimeException {

    public SoftOneUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
