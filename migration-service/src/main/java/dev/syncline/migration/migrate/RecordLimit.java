package dev.syncline.migration.migrate;

import dev.syncline.commons.problem.InvalidRequestException;

import java.util.List;

/**
 * At most {@link #MAX_RECORDS} records per migration. Checked here rather than by {@code @Size},
 * whose refusal would quote the list itself (a run of record class names) instead of its size.
 */
public final class RecordLimit {

    public static final int MAX_RECORDS = 5000;

    private RecordLimit() {
    }

    public static <T> List<T> check(String field, List<T> records) {
        if (records.size() > MAX_RECORDS) {
            throw new InvalidRequestException(field, field + " holds " + records.size() + " records; at most " + MAX_RECORDS
                    + " are migrated at a time, so send them in parts");
        }
        return records;
    }
}
