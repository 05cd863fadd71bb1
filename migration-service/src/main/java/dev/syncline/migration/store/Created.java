package dev.syncline.migration.store;

import java.util.List;

/**
 * What a create in the destination came to: the new record's id, or the id of the record that
 * already existed (how says which), with warnings for the result.
 */
public record Created(String id, How how, List<String> warnings) {

    public enum How {
        CREATED, EXISTED, FOUND_AFTER_TIMEOUT
    }

    public static Created created(String id, List<String> warnings) {
        return new Created(id, How.CREATED, warnings);
    }
}
