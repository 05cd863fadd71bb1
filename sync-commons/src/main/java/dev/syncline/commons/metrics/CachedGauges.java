package dev.syncline.commons.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * One gauge family whose values a periodic database read sets. A scrape reads only the last values
 * held here: it never waits for the database and never blocks the event loop. A series the last
 * read did not return reads 0 (e.g. a tenant's queue state that has no jobs any more).
 */
public final class CachedGauges {

    /** For a value stored as a Unix time: the seconds since then when scraped (0 stays 0: nothing to age). */
    public static final DoubleUnaryOperator SECONDS_SINCE =
            since -> since == 0 ? 0 : Math.max(0, System.currentTimeMillis() / 1000.0 - since);

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final String baseUnit;
    /** Applied when a scrape reads a value, e.g. "seconds since" from a stored start time. */
    private final DoubleUnaryOperator atScrape;
    private final Set<Tags> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<Tags, Double> values = Map.of();

    public CachedGauges(MeterRegistry registry, String name, String description, String baseUnit,
                        DoubleUnaryOperator atScrape) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.baseUnit = baseUnit;
        this.atScrape = atScrape;
    }

    public CachedGauges(MeterRegistry registry, String name, String description, String baseUnit) {
        this(registry, name, description, baseUnit, DoubleUnaryOperator.identity());
    }

    /** Replaces every value at once with what the last read returned. */
    public void update(Map<Tags, Double> fresh) {
        values = Map.copyOf(fresh);
        for (Tags tags : fresh.keySet()) {
            if (registered.add(tags)) {
                Gauge.builder(name, this, gauges -> gauges.read(tags))
                        .tags(tags).description(description).baseUnit(baseUnit)
                        .strongReference(true).register(registry);
            }
        }
    }

    double read(Tags tags) {
        Double value = values.get(tags);
        return value == null ? 0 : atScrape.applyAsDouble(value);
    }
}
