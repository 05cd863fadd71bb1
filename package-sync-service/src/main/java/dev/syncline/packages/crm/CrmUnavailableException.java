package dev.syncline.packages.crm;

/** The CRM failed in a way that may pass (5xx, 429, timeout, connection). Retried. */
public class CrmUnavailableException extends RuntimeException {

    public CrmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
