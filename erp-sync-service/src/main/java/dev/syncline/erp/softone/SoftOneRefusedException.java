package dev.syncline.erp.softone;

/** SoftOne answered success:false (bad credentials, unknown company, a server-side error). Not retried. */
public class SoftOneRefusedException extends RuntimeException {

    public SoftOneRefusedException(String message) {
        super(message);
    }
}
