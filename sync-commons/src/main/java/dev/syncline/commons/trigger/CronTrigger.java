package dev.syncline.commons.trigger;

/**
 * A claimed row of {@code cron_trigger}: only its id, the job it names and the size of its params
 * and body, so that a huge row costs the claiming replica nothing; the request itself is read
 * separately once its size is known to be within the limit.
 */
public record CronTrigger(long id, String job, long requestBytes) {
}
