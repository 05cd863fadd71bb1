package dev.syncline.migration.migrate;

import java.util.List;

/**
 * A migration as its caller follows it: the seed's {@code results} and {@code summary}, with the
 * run's state and progress ({@code processed} of {@code total}).
 */
public record MigrationView(long migrationId, String status, String error, long total, long processed, List<RecordResult> results,
                            Summary summary) {

    /** The seed's summary. */
    public record Summary(long total, long succeeded, long failed) {
    }

    static MigrationView of(MigrationStore.Run run, List<RecordResult> results) {
        long failed = results.stream().filter(r -> !r.success()).count();
        long total = run.total() == null ? results.size() : run.total();
        return new MigrationView(run.id(), run.status(), run.error(), total, results.size(), results,
                new Summary(total, results.size() - failed, failed));
    }

    static MigrationView finished(long id, List<RecordResult> results) {
        long failed = results.stream().filter(r -> !r.success()).count();
        return new MigrationView(id, failed == 0 ? "succeeded" : "partial", null, results.size(), results.size(), results,
                new Summary(results.size(), results.size() - failed, failed));
    }
}
