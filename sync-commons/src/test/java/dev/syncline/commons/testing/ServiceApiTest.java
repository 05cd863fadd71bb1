package dev.syncline.commons.testing;

import dev.syncline.commons.job.JobPauses;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/**
 * The base of every service's API tests: the real parts (a fresh PostgreSQL database, the
 * in-process sandbox, the OIDC test issuer), shared by all test classes of a service, and a clean
 * slate before each test: every table of the service's schema emptied, no job paused, every
 * circuit breaker closed.
 */
@ServiceTestResources
public abstract class ServiceApiTest {

    protected static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    protected CircuitBreakerMaintenance circuitBreakers;
    @Inject
    JobPauses pauses;

    @BeforeEach
    void cleanSlate() {
        String schema = ConfigProvider.getConfig().getValue("syncline.schema", String.class);
        TestDatabase.execute("""
                do $$ declare tables text; begin
                  select string_agg(format('%%I.%%I', schemaname, tablename), ', ') into tables
                  from pg_tables where schemaname = '%s' and tablename <> 'flyway_schema_history';
                  if tables is not null then execute 'truncate ' || tables || ' restart identity cascade'; end if;
                end $$""".formatted(schema));
        pauses.refresh().await().atMost(WAIT);
        circuitBreakers.resetAll();
        afterCleanSlate();
    }

    /** A service's own resets (sandbox state, seeded rows), after the tables are empty. */
    protected void afterCleanSlate() {
    }

    /** The sandbox's base URL, for its control API. */
    protected static String sandboxUrl() {
        return ConfigProvider.getConfig().getValue("sandbox.url", String.class);
    }
}
