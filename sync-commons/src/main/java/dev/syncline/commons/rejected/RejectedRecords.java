package dev.syncline.commons.rejected;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Keeps rejected records with one statement per batch, inside the caller's transaction. */
@ApplicationScoped
public class RejectedRecords {

    public Uni<Void> keep(SqlClient tx, long runId, String job, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = rejections.stream().map(Rejection::upstreamId).toArray(String[]::new);
        String[] reasons = rejections.stream().map(Rejection::reason).toArray(String[]::new);
        return tx.preparedQuery("""
                        insert into rejected_record (run_id, job, upstream_id, reason)
                        select $1, $2, r.upstream_id, r.reason from unnest($3::text[], $4::text[]) as r(upstream_id, reason)""")
                .execute(Tuple.of(runId, job, ids, reasons))
                .replaceWithVoid();
    }
}
