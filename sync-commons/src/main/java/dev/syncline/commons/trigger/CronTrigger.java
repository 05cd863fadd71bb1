package dev.syncline.commons.trigger;

import io.vertx.core.json.JsonObject;

/** A claimed row of {@code cron_trigger}: the job to start, the path parameters and the request body. */
public record CronTrigger(long id, String job, JsonObject params, JsonObject body) {
}
