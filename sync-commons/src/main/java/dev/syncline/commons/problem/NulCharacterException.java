package dev.syncline.commons.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string with a NUL character, which PostgreSQL cannot store; the caller's mistake, named. */
public class NulCharacterException extends MismatchedInputException {

    NulCharacterException(JsonParser parser) {
        super(parser, "must not contain a NUL character", parser.currentLocation());
    }
}
