package dev.syncline.catalog.queue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Jobs as the API reads them, joined with their last run in the ledger. */
@ApplicationScoped
public class JobHistory {

    private static final String SELECT = """
            select j.id, j.tenant_id, j.type, j.status, j.trigger, j.attempts, j.max_attempts, j.created_at, j.run_after,
                   j.started_at, j.finished_at, j.error_message, j.last_run_id,
                   extract(epoch from (coalesce(j.finished_at, now()) - j.started_at))::float8 as seconds,
                   coalesce(r.records_read, 0) as records_read, coalesce(r.records_updated, 0) as records_updated,
                   coalesce(r.records_rejected, 0) as records_rejected,
                   coalesce((r.counters ->> 'products')::bigint, 0) as products,
                   coalesce((r.counters ->> 'deactivated')::bigint, 0) as deactivated,
                   coalesce((r.counters ->> 'deleted')::bigint, 0) as deleted,
                   coalesce((r.counters ->> 'imagesUploaded')::bigint, 0) as images_uploaded,
                   coalesce((r.counters ->> 'imagesRemoved')::bigint, 0) as images_removed,
                   coalesce((r.counters ->> 'taxesCreated')::bigint, 0) as taxes_created
            from sync_job j left join sync_run r on r.id = j.last_run_id
            """;

    private final Pool pool;

    public JobHistory(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<JobView>> ofTenant(UUID tenant, int limit) {
        return pool.preparedQuery(SELECT + " where j.tenant_id = $1 order by j.id desc limit $2")
                .execute(Tuple.of(tenant, limit))
                .map(rows -> {
                    List<JobView> jobs = new ArrayList<>();
                    rows.forEach(row -> jobs.add(view(row)));
                    return jobs;
                });
    }

    public Uni<Optional<JobView>> one(long id) {
        return pool.preparedQuery(SELECT + " where j.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    private static JobView view(Row row) {
        return new JobView(row.getLong("id"), row.getUUID("tenant_id"), SyncType.valueOf(row.getString("type")),
                row.getString("status"), row.getString("trigger"), row.getInteger("attempts"), row.getInteger("max_attempts"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("run_after"), row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("finished_at"), row.getOffsetDateTime("started_at") == null ? null : row.getDouble("seconds"),
                row.getString("error_message"), row.getLong("last_run_id"),
                new JobView.Counts(row.getLong("records_read"), row.getLong("records_updated"), row.getLong("records_rejected"),
                        row.getLong("products"), row.getLong("deactivated"), row.getLong("deleted"),
                        row.getLong("images_uploaded"), row.getLong("images_removed"), row.getLong("taxes_created")));
    }
}
