package dev.syncline.packages.crm;

/** The CRM refused the request (bad key, unknown table or column). Not retried. */
public class CrmRefusedException extends RuntimeException {

    public CrmRefusedException(String message) {
        super(message);
    }
}
