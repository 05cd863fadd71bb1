package dev.syncline.migration.migrate;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The ID map: which source record became which destination record. A mapped record is never created again. */
@ApplicationScoped
public class IdMapStore {

    private final Pool pool;

    public IdMapStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<String>> destinationOf(String kind, String sourcePlatform, String sourceId) {
        return pool.preparedQuery("select destination_id from id_map where kind = $1 and source_platform = $2 and source_id = $3")
                .execute(Tuple.of(kind, sourcePlatform, sourceId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("destination_id")));
    }

    Uni<Void> record(SqlClient tx, String kind, String sourcePlatform, String sourceId, String destinationPlatform,
                     String destinationId, String how) {
        return tx.preparedQuery("""
                        insert into id_map (kind, source_platform, source_id, destination_platform, destination_id, how)
                        values ($1, $2, $3, $4, $5, $6) on conflict (kind, source_platform, source_id) do nothing""")
                .execute(Tuple.from(new Object[] {kind, sourcePlatform, sourceId, destinationPlatform, destinationId, how}))
                .replaceWithVoid();
    }
}
