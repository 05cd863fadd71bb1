package dev.syncline.sandbox.magento;

/** A request Magento rejects with 400 and its {message, parameters} body. */
public class MagentoInputException extends RuntimeException {

    private final Object parameters;

    public MagentoInputException(String message, Object... parameters) {
        this(message, java.util.List.of(parameters));
    }

    /** @param parameters a list or, as Magento sometimes answers, a map of named parameters */
    public MagentoInputException(String message, Object parameters) {
        super(message);
        this.parameters = parameters;
    }

    public Object parameters() {
        return parameters;
    }
}
