package dev.syncline.magento.mailflow;

import dev.syncline.commons.job.SkipWhenPaused;
import dev.syncline.commons.metrics.SyncMetrics;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Delivers outbox events to the webhook at least once. A round claims due events with a lease
 * (FOR UPDATE SKIP LOCKED, so replicas share the work), posts them, and marks them delivered or
 * due again after a doubling wait. An event whose delivery outcome was lost is sent again after
 * the lease; receivers dedupe on eventId. Events of a round are posted with bounded concurrency,
 * so their arrival order is not guaranteed.
 */
@ApplicationScoped
public class OutboxDelivery {

    private final Pool pool;
    private final MailflowConfig config;
    private final SyncMetrics metrics;
    private final MailflowWebhook webhook;

    public OutboxDelivery(Pool pool, MailflowConfig config, SyncMetrics metrics) {
        this.pool = pool;
        this.config = config;
        this.metrics = metrics;
        this.webhook = config.webhookUrl()
                .map(url -> QuarkusRestClientBuilder.newBuilder()
                        .baseUri(url)
                        .connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(10, TimeUnit.SECONDS)
                        .build(MailflowWebhook.class))
                .orElse(null);
    }

    @Scheduled(identity = "mailflow-outbox-delivery", skipExecutionIf = SkipWhenPaused.class, every = "${mailflow.delivery-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        if (webhook == null) {
            return Uni.createFrom().voidItem();
        }
        return deliverRound();
    }

    /** Rounds go on while the last one claimed a full batch, so a backlog drains in one scheduled run. */
    private Uni<Void> deliverRound() {
        return claim().chain(events -> deliverAll(events)
                .chain(() -> events.size() == config.batchSize() ? deliverRound() : Uni.createFrom().voidItem()));
    }

    private Uni<List<Row>> claim() {
        return pool.preparedQuery("""
                        update outbox_event set attempts = attempts + 1,
                               next_attempt_at = now() + ($2::int * interval '1 second')
                        where id in (select id from outbox_event
                                     where delivered_at is null and next_attempt_at <= now()
                                     order by id limit $1 for update skip locked)
                        returning id, attempts, payload::text as payload""")
                .execute(Tuple.of(config.batchSize(), (int) config.lease().toSeconds()))
                .map(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(claimed::add);
                    claimed.sort((a, b) -> Long.compare(a.getLong("id"), b.getLong("id")));
                    return claimed;
                });
    }

    private Uni<Void> deliverAll(List<Row> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Queue<Long> delivered = new ConcurrentLinkedQueue<>();
        return Multi.createFrom().iterable(events)
                .onItem().transformToUni(event -> deliver(event, delivered)).merge(config.concurrency())
                .collect().last()
                .chain(() -> markDelivered(delivered))
                .invoke(() -> Log.infof("Mailflow: %d of %d events delivered", delivered.size(), events.size()));
    }

    private Uni<Void> deliver(Row event, Queue<Long> delivered) {
        long id = event.getLong("id");
        String payload = "{\"eventId\":" + id + "," + event.getString("payload").substring(1);
        return webhook.deliver(payload)
                .invoke(() -> {
                    metrics.upstreamCall("mailflow", 200);
                    delivered.add(id);
                })
                .onFailure().recoverWithUni(failure -> scheduleRetry(id, event.getInteger("attempts"), failure));
    }

    private Uni<Void> scheduleRetry(long id, int attempts, Throwable failure) {
        int status = failure instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
        metrics.upstreamCall("mailflow", status);
        String reason = status > 0 ? "webhook answered HTTP " + status : "webhook unreachable: " + failure.getMessage();
        long wait = Math.min(1L << Math.min(attempts, 20), config.maxBackoff().toSeconds());
        return pool.preparedQuery("""
                        update outbox_event set next_attempt_at = now() + ($2::int * interval '1 second'), last_error = $3
                        where id = $1""")
                .execute(Tuple.of(id, (int) wait, reason))
                .replaceWithVoid();
    }

    private Uni<Void> markDelivered(Queue<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update outbox_event set delivered_at = now(), last_error = null where id = any($1)")
                .execute(Tuple.of(ids.toArray(new Long[0])))
                .replaceWithVoid();
    }
}
