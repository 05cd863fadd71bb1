package dev.syncline.magento.mailflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.commons.job.SkipWhenPaused;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.Upstreams;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

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
    private final Instance<MailflowApi> webhook;
    private final ObjectMapper mapper;
    private final Upstream mailflow;

    /** The webhook's client is built on first use: without MAILFLOW_WEBHOOK_URL there is none to build. */
    public OutboxDelivery(Pool pool, MailflowConfig config, @RestClient Instance<MailflowApi> webhook, ObjectMapper mapper,
                          Upstreams upstreams) {
        this.pool = pool;
        this.config = config;
        this.webhook = webhook;
        this.mapper = mapper;
        this.mailflow = upstreams.named("mailflow", "The mailing webhook");
    }

    @Scheduled(identity = "mailflow-outbox-delivery", skipExecutionIf = SkipWhenPaused.class, every = "${mailflow.delivery-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        return config.webhookUrl().isEmpty() ? Uni.createFrom().voidItem() : deliverRound();
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
                    claimed.sort(Comparator.comparing(row -> row.getLong("id")));
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
        return Uni.createFrom().item(() -> withEventId(id, event.getString("payload")))
                .chain(payload -> webhook.get().deliver(payload))
                .invoke(() -> {
                    mailflow.answered(200);
                    delivered.add(id);
                })
                .onFailure().recoverWithUni(failure -> scheduleRetry(id, event.getInteger("attempts"),
                        mailflow.failure(failure).getMessage()));
    }

    /** The stored event with its outbox id first, the key receivers dedupe on. */
    private JsonNode withEventId(long id, String payload) {
        try {
            ObjectNode event = mapper.createObjectNode().put("eventId", id);
            event.setAll((ObjectNode) mapper.readTree(payload));
            return event;
        } catch (IOException e) {
            throw new IllegalStateException("Outbox event " + id + " holds unreadable JSON", e);
        }
    }

    private Uni<Void> scheduleRetry(long id, int attempts, String reason) {
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
