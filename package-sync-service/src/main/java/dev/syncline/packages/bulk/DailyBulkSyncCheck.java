package dev.syncline.packages.bulk;

import dev.syncline.packages.PackageConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.OffsetDateTime;

/**
 * Wellness, not readiness: a daily bulk run that did not happen makes the service degraded (DOWN at
 * /q/health/well), not unfit to serve logins.
 */
@Wellness
@ApplicationScoped
public class DailyBulkSyncCheck implements AsyncHealthCheck {

    private final Pool pool;
    private final PackageConfig config;

    public DailyBulkSyncCheck(Pool pool, PackageConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.preparedQuery("""
                        select max(finished_at) as last from sync_run
                        where job = $1 and status in ('succeeded', 'partial')""")
                .execute(Tuple.of(BulkPackageSyncJob.JOB))
                .map(rows -> {
                    OffsetDateTime last = rows.iterator().next().getOffsetDateTime("last");
                    boolean recent = last != null && last.isAfter(OffsetDateTime.now().minus(config.bulkStaleAfter()));
                    return HealthCheckResponse.named("daily-bulk-package-sync")
                            .status(recent)
                            .withData("lastSuccessfulRun", last == null ? "never" : last.toString())
                            .withData("expectedWithin", config.bulkStaleAfter().toString())
                            .withData("state", recent ? "ok" : "degraded")
                            .build();
                });
    }
}
