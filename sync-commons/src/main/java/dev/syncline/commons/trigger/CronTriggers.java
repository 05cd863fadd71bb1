package dev.syncline.commons.trigger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The service's rows of {@code cron_trigger}: claim, answer, prune, list. */
@ApplicationScoped
public class CronTriggers {

    /** At most this many triggers are started together by one replica. */
    static final int CLAIM_BATCH = 20;

    private final Pool pool;

    public CronTriggers(Pool pool) {
        this.pool = pool;
    }

    /** Claims open rows for this replica; SKIP LOCKED makes each row go to exactly one replica. */
    public Uni<List<CronTrigger>> claim(String replica, Duration reclaimAfter) {
        return pool.preparedQuery("""
                        update cron_trigger t set claimed_at = now(), claimed_by = $1
                        where t.id in (select id from cron_trigger
                                       where answered_at is null
                                         and (claimed_at is null or claimed_at < now() - make_interval(secs => $2))
                                       order by id limit $3
                                       for update skip locked)
                        returning t.id, t.job, t.params, t.body""")
                .execute(Tuple.of(replica, (double) reclaimAfter.toSeconds(), CLAIM_BATCH))
                .map(rows -> {
                    List<CronTrigger> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new CronTrigger(row.getLong("id"), row.getString("job"), json(row, "params"),
                                json(row, "body")));
                    }
                    return claimed;
                });
    }

    private static JsonObject json(Row row, String column) {
        Object value = row.getValue(column);
        return value instanceof JsonObject object ? object : new JsonObject();
    }

    public Uni<Void> answer(long id, int httpStatus, String answer) {
        return pool.preparedQuery("update cron_trigger set answered_at = now(), http_status = $2, answer = left($3, 4000) where id = $1")
                .execute(Tuple.of(id, httpStatus, answer))
                .replaceWithVoid();
    }

    public Uni<Void> prune(Duration keepAnswered) {
        return pool.preparedQuery("delete from cron_trigger where answered_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) keepAnswered.toSeconds()))
                .replaceWithVoid();
    }

    public record TriggerView(long id, String job, JsonObject params, JsonObject body, OffsetDateTime requestedAt,
                              OffsetDateTime claimedAt, String claimedBy, OffsetDateTime answeredAt, Integer httpStatus,
                              String answer) {
    }

    public Uni<List<TriggerView>> latest(int limit) {
        return pool.preparedQuery("""
                        select id, job, params, body, requested_at, claimed_at, claimed_by, answered_at, http_status, answer
                        from cron_trigger order by id desc limit $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<TriggerView> views = new ArrayList<>();
                    for (Row row : rows) {
                        views.add(new TriggerView(row.getLong("id"), row.getString("job"), json(row, "params"),
                                json(row, "body"), row.getOffsetDateTime("requested_at"),
                                row.getOffsetDateTime("claimed_at"), row.getString("claimed_by"),
                                row.getOffsetDateTime("answered_at"), row.getInteger("http_status"), row.getString("answer")));
                    }
                    return views;
                });
    }
}
