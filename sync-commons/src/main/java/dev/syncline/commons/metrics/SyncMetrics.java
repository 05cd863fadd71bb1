package dev.syncline.commons.metrics;

import dev.syncline.commons.run.RunCounts;
import dev.syncline.commons.run.SyncRunLedger.RunSummary;
import dev.syncline.commons.upstream.Upstream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** The Prometheus series every service exports: runs, records by outcome, run duration, upstream calls,
 * breakers. The ledger's view of each job is {@link LedgerMetrics}. */
@ApplicationScoped
public class SyncMetrics {

    private final MeterRegistry registry;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void runFinished(RunSummary run) {
        registry.counter("syncline.runs", "job", run.job(), "status", run.status().dbValue()).increment();
        registry.timer("syncline.run.duration", "job", run.job())
                .record(Duration.ofMillis(Math.round(run.seconds() * 1000)));
        RunCounts c = run.counts();
        records(run.job(), "created", c.created());
        records(run.job(), "updated", c.updated());
        records(run.job(), "skipped", c.skipped());
        records(run.job(), "rejected", c.rejected());
    }

    public void upstreamCall(String upstream, int status) {
        registry.counter("syncline.upstream.calls", "upstream", upstream, "status", Integer.toString(status))
                .increment();
    }

    /**
     * 1 while the upstream's circuit breaker keeps calls paused, 0 otherwise. A breaker lives in
     * each process, so each replica reports its own.
     */
    public void breaker(String upstream, Upstream state) {
        Gauge.builder("syncline.upstream.breaker.open", state, s -> s.breakerOpen() ? 1 : 0)
                .tag("upstream", upstream)
                .description("1 while the upstream's circuit breaker pauses calls in this process (open or half-open)")
                .register(registry);
    }

    private void records(String job, String outcome, long count) {
        if (count > 0) {
            registry.counter("syncline.records", "job", job, "outcome", outcome).increment(count);
        }
    }
}
