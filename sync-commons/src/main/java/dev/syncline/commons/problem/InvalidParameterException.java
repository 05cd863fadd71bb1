package dev.syncline.commons.problem;

import jakarta.ws.rs.BadRequestException;

/** A query or path parameter that cannot be read as its type; answered with 400 naming it. */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
