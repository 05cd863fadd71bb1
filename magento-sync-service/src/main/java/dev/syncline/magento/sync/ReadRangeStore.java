package dev.syncline.magento.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** The ranges of a parallel read, per sync type: planned, advanced page by page, and what they cover together. */
@ApplicationScoped
public class ReadRangeStore {

    private final Pool pool;

    public ReadRangeStore(Pool pool) {
        this.pool = pool;
    }

    /** The ranges a broken-off run left, in order; empty when the last run finished its plan. */
    public Uni<List<ReadRange>> left(String syncType) {
        return pool.preparedQuery("""
                        select range_no, range_from, range_to, cursor, done from read_range
                        where sync_type = $1 order by range_no""")
                .execute(Tuple.of(syncType))
                .map(rows -> {
                    List<ReadRange> ranges = new ArrayList<>();
                    rows.forEach(row -> ranges.add(range(row)));
                    return ranges.stream().anyMatch(r -> !r.done()) ? ranges : List.<ReadRange>of();
                });
    }

    public Uni<Void> plan(SqlClient tx, String syncType, List<ReadRange> ranges) {
        Integer[] numbers = ranges.stream().map(ReadRange::number).toArray(Integer[]::new);
        Long[] from = ranges.stream().map(ReadRange::from).toArray(Long[]::new);
        Long[] to = ranges.stream().map(ReadRange::to).toArray(Long[]::new);
        return tx.preparedQuery("delete from read_range where sync_type = $1").execute(Tuple.of(syncType))
                .chain(() -> tx.preparedQuery("""
                                insert into read_range (sync_type, range_no, range_from, range_to, cursor)
                                select $1, n, f, t, f from unnest($2::int[], $3::int8[], $4::int8[]) as r(n, f, t)""")
                        .execute(Tuple.of(syncType, numbers, from, to)))
                .replaceWithVoid();
    }

    /**
     * Moves a range's cursor and answers the id up to which every range is read: the cursor of the
     * lowest unfinished range, or the end of the last once all are finished. A transaction that
     * does not yet see another range's newer cursor answers less, never more.
     */
    public Uni<Long> advance(SqlClient tx, String syncType, int number, long cursor, boolean done) {
        return tx.preparedQuery("""
                        update read_range set cursor = greatest(cursor, $3), done = done or $4
                        where sync_type = $1 and range_no = $2""")
                .execute(Tuple.of(syncType, number, cursor, done))
                .chain(() -> covered(tx, syncType));
    }

    public Uni<Long> covered(SqlClient tx, String syncType) {
        return tx.preparedQuery("""
                        select coalesce((select min(cursor) from read_range where sync_type = $1 and not done),
                                        (select max(greatest(cursor, coalesce(range_to, cursor))) from read_range where sync_type = $1))
                               as covered""")
                .execute(Tuple.of(syncType))
                .map(rows -> rows.iterator().next().getLong("covered"));
    }

    /** Forgets a finished plan. */
    public Uni<Void> clear(SqlClient tx, String syncType) {
        return tx.preparedQuery("delete from read_range where sync_type = $1").execute(Tuple.of(syncType)).replaceWithVoid();
    }

    private static ReadRange range(Row row) {
        return new ReadRange(row.getInteger("range_no"), row.getLong("range_from"), row.getLong("range_to"), row.getLong("cursor"),
                row.getBoolean("done"));
    }
}
