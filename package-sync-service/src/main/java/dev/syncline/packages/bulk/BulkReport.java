package dev.syncline.packages.bulk;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A bulk run as the original endpoint reported it, read from the ledger and the run's progress. */
@ApplicationScoped
public class BulkReport {

    static final int MAX_ERRORS = 100;

    private final Pool pool;

    public BulkReport(Pool pool) {
        this.pool = pool;
    }

    public record Result(int totalProfiles, int successfulProfiles, int failedProfiles, int totalPackages,
                         List<String> errors, String duration) {
    }

    public record Run(long runId, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, String error,
                      Result result) {
    }

    public Uni<Run> of(long runId) {
        return pool.preparedQuery("""
                        select r.id, r.status, r.started_at, r.finished_at, r.error_message,
                               coalesce(p.total_profiles, 0) as total_profiles,
                               coalesce(p.successful_profiles, 0) as successful_profiles,
                               coalesce(p.failed_profiles, 0) as failed_profiles,
                               coalesce(p.total_packages, 0) as total_packages
                        from sync_run r left join bulk_progress p on p.run_id = r.id
                        where r.id = $1""")
                .execute(Tuple.of(runId))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem() : withErrors(rows.iterator().next()));
    }

    public Uni<Run> latest() {
        return pool.preparedQuery("select max(id) as id from sync_run where job = $1")
                .execute(Tuple.of(BulkPackageSync.JOB))
                .chain(rows -> {
                    Long id = rows.iterator().next().getLong("id");
                    return id == null ? Uni.createFrom().nullItem() : of(id);
                });
    }

    private Uni<Run> withErrors(Row run) {
        long runId = run.getLong("id");
        return pool.preparedQuery("select reason from rejected_record where run_id = $1 order by id limit " + MAX_ERRORS)
                .execute(Tuple.of(runId))
                .map(rows -> {
                    List<String> errors = new ArrayList<>();
                    rows.forEach(row -> errors.add(row.getString("reason")));
                    OffsetDateTime started = run.getOffsetDateTime("started_at");
                    OffsetDateTime finished = run.getOffsetDateTime("finished_at");
                    long seconds = Duration.between(started, finished == null ? OffsetDateTime.now() : finished).toSeconds();
                    return new Run(runId, run.getString("status"), started, finished, run.getString("error_message"),
                            new Result(run.getInteger("total_profiles"), run.getInteger("successful_profiles"),
                                    run.getInteger("failed_profiles"), run.getInteger("total_packages"), errors,
                                    seconds + "s"));
                });
    }
}
