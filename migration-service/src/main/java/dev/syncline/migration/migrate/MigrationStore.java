package dev.syncline.migration.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A migration's results, one row per record in request order, next to its run in the ledger. */
@ApplicationScoped
public class MigrationStore {

    private final Pool pool;
    private final ObjectMapper mapper;

    public MigrationStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** The run's state as the ledger has it. */
    public record Run(long id, String job, String status, Long total, long processed, long failed, String error) {
    }

    Uni<Void> add(SqlClient tx, long runId, int position, RecordResult result) {
        try {
            return tx.preparedQuery("insert into migration_result (run_id, position, result) values ($1, $2, $3::text::jsonb)")
                    .execute(Tuple.of(runId, position, mapper.writeValueAsString(result))).replaceWithVoid();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A result could not be written as JSON", e);
        }
    }

    public Uni<List<RecordResult>> results(long runId) {
        return pool.preparedQuery("select result::text as result from migration_result where run_id = $1 order by position")
                .execute(Tuple.of(runId))
                .map(rows -> {
                    List<RecordResult> results = new ArrayList<>();
                    rows.forEach(row -> results.add(read(row)));
                    return results;
                });
    }

    public Uni<Optional<Run>> run(long runId) {
        return pool.preparedQuery("""
                        select id, job, status, records_total, records_read, records_rejected, error_message
                        from sync_run where id = $1 and job like 'migrate-%'""")
                .execute(Tuple.of(runId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(run(rows.iterator().next())));
    }

    private static Run run(Row row) {
        return new Run(row.getLong("id"), row.getString("job"), row.getString("status"), row.getLong("records_total"),
                row.getLong("records_read"), row.getLong("records_rejected"), row.getString("error_message"));
    }

    private RecordResult read(Row row) {
        try {
            return mapper.readValue(row.getString("result"), RecordResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
