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

    /**
     * Claims open rows for this replica; SKIP LOCKED makes each row go to exactly one replica. Only
     * the id, the job name and the request's size come back: a row of any size is claimed safely.
     */
    public Uni<List<CronTrigger>> claim(String replica, Duration reclaimAfter) {
        return pool.preparedQuery("""
                        update cron_trigger t set claimed_at = now(), claimed_by = $1
                        where t.id in (select id from cron_trigger
                                       where answered_at is null
                                         and (claimed_at is null or claimed_at < now() - make_interval(secs => $2))
                                       order by id limit $3
                                       for update skip locked)
                        returning t.id, left(t.job, 200) as job,
                                  octet_length(t.params::text) + octet_length(t.body::text) as request_bytes""")
                .execute(Tuple.of(replica, (double) reclaimAfter.toSeconds(), CLAIM_BATCH))
                .map(rows -> {
                    List<CronTrigger> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new CronTrigger(row.getLong("id"), row.getString("job"), row.getLong("request_bytes")));
                    }
                    return claimed;
                });
    }

    /** A claimed row's params and body, as stored (each may be any JSON value; the caller checks). */
    public record TriggerRequest(Object params, Object body) {
    }

    public Uni<TriggerRequest> request(long id) {
        return pool.preparedQuery("select params, body from cron_trigger where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new TriggerRequest(row.getValue("params"), row.getValue("body"));
                });
    }

    /** Stores the answer's status and what {@link TriggerAnswer} keeps of its body. */
    public Uni<Void> answer(long id, int httpStatus, String answer) {
        return pool.preparedQuery("update cron_trigger set answered_at = now(), http_status = $2, answer = $3 where id = $1")
                .execute(Tuple.of(id, httpStatus, TriggerAnswer.summary(httpStatus, answer)))
                .replaceWithVoid();
    }

    public Uni<Void> prune(Duration keepAnswered) {
        return pool.preparedQuery("delete from cron_trigger where answered_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) keepAnswered.toSeconds()))
                .replaceWithVoid();
    }

    /**
     * A row as the history shows it: params and body only up to {@link #SHOWN_BYTES} each (their
     * size always), so that listing never loads a huge row.
     */
    public record TriggerView(long id, String job, JsonObject params, JsonObject body, long bodyBytes,
                              OffsetDateTime requestedAt, OffsetDateTime claimedAt, String claimedBy,
                              OffsetDateTime answeredAt, Integer httpStatus, JsonObject answer) {
    }

    static final int SHOWN_BYTES = 4096;

    public Uni<List<TriggerView>> latest(int limit) {
        return pool.preparedQuery("""
                        select id, left(job, 200) as job,
                               case when octet_length(params::text) <= $2 then params end as params,
                               case when octet_length(body::text) <= $2 then body end as body,
                               octet_length(body::text) as body_bytes,
                               requested_at, claimed_at, claimed_by, answered_at, http_status, left(answer, 2000) as answer
                        from cron_trigger order by id desc limit $1""")
                .execute(Tuple.of(limit, SHOWN_BYTES))
                .map(rows -> {
                    List<TriggerView> views = new ArrayList<>();
                    for (Row row : rows) {
                        views.add(new TriggerView(row.getLong("id"), row.getString("job"), object(row, "params"),
                                object(row, "body"), row.getLong("body_bytes"), row.getOffsetDateTime("requested_at"),
                                row.getOffsetDateTime("claimed_at"), row.getString("claimed_by"),
                                row.getOffsetDateTime("answered_at"), row.getInteger("http_status"), answer(row)));
                    }
                    return views;
                });
    }

    private static JsonObject object(Row row, String column) {
        return row.getValue(column) instanceof JsonObject object ? object : null;
    }

    /** Answers are stored as kept by {@link TriggerAnswer}: a small JSON object. */
    private static JsonObject answer(Row row) {
        String answer = row.getString("answer");
        if (answer == null) {
            return null;
        }
        try {
            return new JsonObject(answer);
        } catch (RuntimeException notJson) {
            return new JsonObject().put("detail", answer);
        }
    }
}
