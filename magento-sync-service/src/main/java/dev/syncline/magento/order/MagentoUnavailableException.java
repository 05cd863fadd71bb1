package dev.syncline.magento.order;

/** Magento failed in a way that may pass: 5xx, 429, a timeout, a broken connection or page. Retried. */
public class MagentoUnavailableException extends RuntimeException {

    public MagentoUnavailableException(String message) {
        super(message);
    }

    public MagentoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
