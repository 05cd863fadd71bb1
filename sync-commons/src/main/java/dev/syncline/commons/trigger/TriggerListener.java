package dev.syncline.commons.trigger;

import dev.syncline.commons.config.SynclineConfig;
import dev.syncline.commons.db.DedicatedConnections;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trigger channel on any PostgreSQL: LISTENs on {@code syncline_trigger} over a connection of
 * its own, and on every notification for this service's schema (or every poll interval) claims the
 * open rows of {@code cron_trigger} and starts each named job through its endpoint. The answer
 * (status and body, e.g. 202 with the run id, or 409 naming the running run) is stored on the row.
 */
@ApplicationScoped
public class TriggerListener {

    static final String CHANNEL = "syncline_trigger";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final TriggerChannelConfig config;
    private final SynclineConfig syncline;
    private final CronTriggers triggers;
    private final LoopbackCall loopback;
    private final PgSubscriber subscriber;
    private final String replica = "replica-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    private volatile boolean listening;

    public TriggerListener(TriggerChannelConfig config, SynclineConfig syncline, CronTriggers triggers,
                           LoopbackCall loopback, Vertx vertx, DedicatedConnections connections) {
        this.config = config;
        this.syncline = syncline;
        this.triggers = triggers;
        this.loopback = loopback;
        this.subscriber = PgSubscriber.subscriber(vertx, connections.options())
                .reconnectPolicy(retries -> 2_000L);
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            return;
        }
        if (syncline.cronSecret().filter(secret -> !secret.isBlank()).isEmpty()) {
            Log.warn("Trigger channel off: it starts jobs with the cron secret, and CRON_SECRET is not set");
            return;
        }
        subscriber.channel(CHANNEL).handler(schema -> {
            if (syncline.schema().equals(schema)) {
                drain();
            }
        });
        subscriber.connect().subscribe().with(
                connected -> {
                    listening = true;
                    Log.infof("Listening for triggers on %s (jobs: %s)", CHANNEL, String.join(", ", config.jobs().keySet()));
                    drain();
                },
                failure -> Log.warnf("Trigger channel could not listen yet (%s); polling every %s until it can",
                        failure.getMessage(), config.pollInterval()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        listening = false;
        subscriber.closeAndForget();
    }

    @Scheduled(identity = "cron-trigger-poll", every = "${syncline.trigger-channel.poll-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (config.enabled() && syncline.cronSecret().filter(secret -> !secret.isBlank()).isPresent()) {
            drain();
            return triggers.prune(config.keepAnswered());
        }
        return Uni.createFrom().voidItem();
    }

    /** Whether the LISTEN connection is up (polling still picks triggers up when it is not). */
    public boolean listening() {
        return listening;
    }

    /** One drain at a time per replica; a wake-up during a drain runs another when it ends. */
    void drain() {
        if (!draining.compareAndSet(false, true)) {
            drainAgain.set(true);
            return;
        }
        drainAgain.set(false);
        claimAndStart().subscribe().with(
                more -> finishDrain(more),
                failure -> {
                    Log.warnf("Claiming triggers failed: %s", failure.getMessage());
                    finishDrain(false);
                });
    }

    private void finishDrain(boolean more) {
        draining.set(false);
        if (more || drainAgain.get()) {
            drain();
        }
    }

    /** @return whether a full batch was claimed, so more may be waiting */
    private Uni<Boolean> claimAndStart() {
        return triggers.claim(replica, config.reclaimAfter())
                .call(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(claimed.stream().map(this::start).toList()).andCollectFailures())
                .map(claimed -> claimed.size() == CronTriggers.CLAIM_BATCH);
    }

    /** Starts one claimed row; whatever goes wrong, the row is answered, never left claimed. */
    private Uni<Void> start(CronTrigger trigger) {
        return Uni.createFrom().deferred(() -> startChecked(trigger))
                .onFailure().recoverWithUni(failure -> answer(trigger, 500,
                        "The trigger could not be started: " + failure.getMessage()))
                .onFailure().invoke(failure -> Log.warnf("Trigger %d could not be answered: %s", trigger.id(), failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> startChecked(CronTrigger trigger) {
        String template = config.jobs().get(trigger.job());
        if (template == null) {
            return answer(trigger, 404, problem(404, "Unknown job", "No job named '" + trigger.job()
                    + "'; this service's jobs: " + String.join(", ", config.jobs().keySet())));
        }
        if (trigger.requestBytes() > config.maxRequestBytes()) {
            return answer(trigger, 413, problem(413, "Trigger too large", "The row's params and body are "
                    + trigger.requestBytes() + " bytes of JSON; at most " + config.maxRequestBytes()
                    + " are read (syncline.trigger-channel.max-request-bytes)"));
        }
        return triggers.request(trigger.id()).chain(request -> {
            if (!(request.params() instanceof JsonObject params)) {
                return answer(trigger, 400, problem(400, "Invalid trigger", "params must be a JSON object"));
            }
            if (!(request.body() instanceof JsonObject body)) {
                return answer(trigger, 400, problem(400, "Invalid trigger", "body must be a JSON object"));
            }
            String path;
            try {
                path = fill(template, params);
            } catch (IllegalArgumentException missing) {
                return answer(trigger, 400, problem(400, "Invalid trigger", missing.getMessage()));
            }
            Log.infof("Trigger %d starts %s (POST %s)", trigger.id(), trigger.job(), path);
            return loopback.post(path, body, syncline.cronSecret().orElseThrow(), config.callTimeout())
                    .chain(answer -> answer(trigger, answer.status(), answer.body()))
                    .onFailure().recoverWithUni(failure -> answer(trigger, 599,
                            problem(599, "No answer", "The call did not complete: " + failure.getMessage())));
        });
    }

    private static String problem(int status, String title, String detail) {
        return new JsonObject().put("status", status).put("title", title).put("detail", detail).encode();
    }

    private Uni<Void> answer(CronTrigger trigger, int status, String body) {
        if (status >= 400) {
            Log.warnf("Trigger %d of %s answered %d: %s", trigger.id(), trigger.job(), status, TriggerAnswer.summary(status, body));
        }
        return triggers.answer(trigger.id(), status, body);
    }

    static String fill(String template, JsonObject params) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (placeholder.find()) {
            Object value = params.getValue(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException("The trigger's params name no '" + placeholder.group(1)
                        + "', which the path " + template + " needs");
            }
            placeholder.appendReplacement(path, Matcher.quoteReplacement(
                    URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        placeholder.appendTail(path);
        return path.toString();
    }

}
