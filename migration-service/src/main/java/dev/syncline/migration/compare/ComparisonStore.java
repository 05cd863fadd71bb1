package dev.syncline.migration.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Comparisons in PostgreSQL: both stores' records pass through {@code comparison_record} page by
 * page, one SQL statement matches them with the cascade (first key, else second key; two
 * candidates are ambiguous), and the differences stay, paged by position, as the comparison's snapshot.
 */
@ApplicationScoped
public class ComparisonStore {

    private final Pool pool;
    private final ObjectMapper mapper;

    public ComparisonStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** A stored comparison: its summary, and whether it has finished. */
    public record Stored(long runId, CompareKind kind, String source, String destination, int sourceCount, int destinationCount,
                         int matched, int onlyInSource, int ambiguous, String status, String error) {
        public ComparisonSummary summary() {
            return ComparisonSummary.of(kind, source, sourceCount, destinationCount, matched, onlyInSource, ambiguous);
        }
    }

    /** A difference as stored: the payload the seed's shape shows, plus how it was (not) matched. */
    public record Difference(int position, String sourceId, String matchStatus, String matchNote, List<String> candidates, JsonNode payload) {
    }

    Uni<Void> open(SqlClient tx, long runId, CompareKind kind, String source, String destination) {
        return tx.preparedQuery("insert into comparison (run_id, kind, source_platform, destination_platform) values ($1, $2, $3, $4)")
                .execute(Tuple.of(runId, kind.key, source, destination)).replaceWithVoid();
    }

    Uni<Void> add(SqlClient tx, long runId, char side, long firstPosition, List<ComparedRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = new String[records.size()];
        String[] key1 = new String[records.size()];
        String[] key2 = new String[records.size()];
        String[] payloads = new String[records.size()];
        for (int i = 0; i < records.size(); i++) {
            ComparedRecord r = records.get(i);
            ids[i] = r.id();
            key1[i] = r.key1();
            key2[i] = r.key2();
            payloads[i] = r.payload() == null ? null : json(r.payload());
        }
        return tx.preparedQuery("""
                        insert into comparison_record (run_id, side, position, record_id, key1, key2, payload)
                        select $1, $2::text, $3::bigint + r.n - 1, r.id, r.k1, r.k2, r.payload::jsonb
                        from unnest($4::text[], $5::text[], $6::text[], $7::text[]) with ordinality as r(id, k1, k2, payload, n)""")
                .execute(Tuple.from(new Object[] {runId, Character.toString(side), firstPosition, ids, key1, key2, payloads}))
                .replaceWithVoid();
    }

    /** Matches the run's records, keeps the differences, counts, and clears the passing records. */
    Uni<Stored> match(SqlClient tx, long runId, CompareKind kind, String destinationTitle) {
        return tx.preparedQuery("""
                        insert into comparison_difference (run_id, position, source_id, match_status, match_note, candidates, payload)
                        select $1, row_number() over (order by m.position), m.record_id,
                               case when m.by1 >= 2 or (m.by1 = 0 and m.by2 >= 2) then 'ambiguous' else 'onlyInSource' end,
                               case when m.by1 >= 2 then format('%s %s %ss have this %s', m.by1, $2::text, $3::text, $4::text)
                                    when m.by2 >= 2 then format('%s %s %ss have this %s', m.by2, $2::text, $3::text, $5::text)
                                    when m.key2 is null then format('No %s %s has this %s; there is no %s to match by', $2::text, $3::text, $4::text, $5::text)
                                    else format('No %s %s has this %s or this %s', $2::text, $3::text, $4::text, $5::text) end,
                               case when m.by1 >= 2 then m.ids1 when m.by1 = 0 and m.by2 >= 2 then m.ids2 else '{}' end,
                               m.payload
                        from (select s.position, s.record_id, s.key2, s.payload,
                                     cardinality(k1.ids) as by1, cardinality(k2.ids) as by2, k1.ids as ids1, k2.ids as ids2
                              from comparison_record s
                              cross join lateral (select coalesce(array_agg(d.record_id order by d.record_id), '{}') as ids
                                                  from comparison_record d
                                                  where d.run_id = $1 and d.side = 'D' and s.key1 is not null and d.key1 = s.key1) k1
                              cross join lateral (select coalesce(array_agg(d.record_id order by d.record_id), '{}') as ids
                                                  from comparison_record d
                                                  where d.run_id = $1 and d.side = 'D' and s.key2 is not null and d.key2 = s.key2) k2
                              where s.run_id = $1 and s.side = 'S') m
                        where not (m.by1 = 1 or (m.by1 = 0 and m.by2 = 1))""")
                .execute(Tuple.of(runId, destinationTitle, kind.singular, kind.firstKey, kind.secondKey))
                .chain(() -> tx.preparedQuery("""
                                update comparison c set
                                    source_count = (select count(*) from comparison_record where run_id = $1 and side = 'S'),
                                    destination_count = (select count(*) from comparison_record where run_id = $1 and side = 'D'),
                                    only_in_source = (select count(*) from comparison_difference where run_id = $1 and match_status = 'onlyInSource'),
                                    ambiguous = (select count(*) from comparison_difference where run_id = $1 and match_status = 'ambiguous'),
                                    finished_at = now()
                                where run_id = $1""")
                        .execute(Tuple.of(runId)))
                .chain(() -> tx.preparedQuery("update comparison set matched = source_count - only_in_source - ambiguous where run_id = $1")
                        .execute(Tuple.of(runId)))
                .chain(() -> tx.preparedQuery("delete from comparison_record where run_id = $1").execute(Tuple.of(runId)))
                .chain(() -> find(tx, runId)).map(Optional::orElseThrow);
    }

    /** Records of a comparison that failed halfway. */
    public Uni<Void> clear(long runId) {
        return pool.preparedQuery("delete from comparison_record where run_id = $1").execute(Tuple.of(runId)).replaceWithVoid();
    }

    public Uni<Optional<Stored>> find(long runId) {
        return find(pool, runId);
    }

    private Uni<Optional<Stored>> find(SqlClient client, long runId) {
        return client.preparedQuery("""
                        select c.*, r.status, r.error_message from comparison c left join sync_run r on r.id = c.run_id
                        where c.run_id = $1""").execute(Tuple.of(runId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
    }

    /**
     * Up to {@code limit} differences after the first {@code offset}. The offset is a bigint: a page
     * far past the end is asked for too, and an int parameter would wrap around to the first page.
     */
    public Uni<List<Difference>> differences(long runId, long offset, int limit) {
        return pool.preparedQuery("""
                        select position, source_id, match_status, match_note, candidates, payload::text as payload
                        from comparison_difference where run_id = $1 and position > $2::bigint order by position limit $3""")
                .execute(Tuple.of(runId, offset, limit))
                .map(rows -> {
                    List<Difference> list = new ArrayList<>();
                    rows.forEach(row -> list.add(difference(row)));
                    return list;
                });
    }

    private Difference difference(Row row) {
        try {
            return new Difference(row.getInteger("position"), row.getString("source_id"), row.getString("match_status"),
                    row.getString("match_note"), List.of(row.getArrayOfStrings("candidates")), mapper.readTree(row.getString("payload")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stored stored(Row row) {
        return new Stored(row.getLong("run_id"), CompareKind.valueOf(row.getString("kind").toUpperCase()), row.getString("source_platform"),
                row.getString("destination_platform"), row.getInteger("source_count"), row.getInteger("destination_count"),
                row.getInteger("matched"), row.getInteger("only_in_source"), row.getInteger("ambiguous"),
                row.getValue("finished_at") != null ? "completed" : "error".equals(row.getString("status")) ? "error" : "running",
                row.getString("error_message"));
    }

    private String json(ComparedRecord.Shown payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A difference could not be written as JSON", e);
        }
    }
}
