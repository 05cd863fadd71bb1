package dev.syncline.magento.order;

/** Magento refused the request (login, token, 4xx): asking again will not help. Not retried. */
public class MagentoRefusedException extends RuntimeException {

    public MagentoRefusedException(String message) {
        super(message);
    }
}
