package dev.syncline.packages.profile;

import dev.syncline.commons.problem.InvalidRequestException;

import java.util.UUID;

/** Profile ids arrive as text in bodies and query strings; a bad one is the caller's mistake, named. */
public final class ProfileIds {

    private ProfileIds() {
    }

    public static UUID parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, field + " must be a UUID, was '" + value + "'");
        }
    }
}
