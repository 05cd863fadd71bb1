package dev.syncline.commons.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.metrics.SyncMetrics;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The upstreams of this service, one {@link Upstream} per key, each with its policy from configuration. */
@ApplicationScoped
public class Upstreams {

    private final UpstreamSettings settings;
    private final SyncMetrics metrics;
    private final ObjectMapper mapper;
    private final Map<String, Upstream> byKey = new ConcurrentHashMap<>();

    public Upstreams(UpstreamSettings settings, SyncMetrics metrics, ObjectMapper mapper) {
        this.settings = settings;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    /**
     * @param key  the configuration and metrics key ({@code syncline.upstream.<key>.*}, {@code upstream="<key>"})
     * @param name how messages name it, e.g. "Magento"
     */
    public Upstream named(String key, String name) {
        return byKey.computeIfAbsent(key, k -> new Upstream(k, k, name, settings.policies().get(k), metrics, mapper));
    }

    /**
     * One of several systems of the same kind (e.g. each tenant's shop): its own circuit breaker and
     * Retry-After pause, the kind's policy ({@code syncline.upstream.<policyKey>.*}) and metrics key.
     */
    public Upstream instance(String policyKey, String instanceKey, String name) {
        return byKey.computeIfAbsent(policyKey + "/" + instanceKey,
                k -> new Upstream(policyKey, k, name, settings.policies().get(policyKey), metrics, mapper));
    }
}
