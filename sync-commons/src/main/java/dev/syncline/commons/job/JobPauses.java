package dev.syncline.commons.job;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.Set;

/**
 * Which scheduled jobs are paused. Kept in the database so a pause holds on every replica; each
 * replica reads it every few seconds, so a scheduler can ask without waiting for the database.
 */
@ApplicationScoped
public class JobPauses {

    /** Jobs whose identity starts with this are the service's own housekeeping, not listed or paused. */
    public static final String INTERNAL_PREFIX = "internal-";

    private final Pool pool;
    private volatile Set<String> paused = Set.of();

    public JobPauses(Pool pool) {
        this.pool = pool;
    }

    public boolean isPaused(String job) {
        return paused.contains(job);
    }

    public Set<String> paused() {
        return paused;
    }

    public Uni<Void> pause(String job, String by) {
        return pool.preparedQuery("insert into job_pause (job, paused_by) values ($1, $2) on conflict (job) do nothing")
                .execute(Tuple.of(job, by))
                .chain(this::refresh);
    }

    public Uni<Void> resume(String job) {
        return pool.preparedQuery("delete from job_pause where job = $1").execute(Tuple.of(job)).chain(this::refresh);
    }

    @Scheduled(identity = INTERNAL_PREFIX + "job-pauses-refresh", every = "${syncline.job-pauses-refresh:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return pool.query("select job from job_pause").execute().invoke(rows -> {
            Set<String> jobs = new HashSet<>();
            rows.forEach(row -> jobs.add(row.getString("job")));
            paused = Set.copyOf(jobs);
        }).replaceWithVoid();
    }
}
