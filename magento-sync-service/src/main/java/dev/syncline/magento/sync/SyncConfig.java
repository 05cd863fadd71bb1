package dev.syncline.magento.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** How the consumer sync runs. The schedule itself is magento.sync.schedule (MAGENTO_SYNC_CRON). */
@ConfigMapping(prefix = "magento.sync")
public interface SyncConfig {

    /** Unix cron of the incremental sync, or "off"; read by {@link ScheduledSync}. */
    String schedule();

    /** Orders per page when a request names none; Magento allows at most 300. */
    @WithDefault("100")
    int defaultBatchSize();

    /**
     * How many entity ids below the watermark an incremental run reads again: an order whose
     * transaction commits after a higher one lands there. Re-reading is harmless thanks to dedupe.
     */
    @WithDefault("100")
    long settleWindow();

    /** MAGENTO_SYNC_READERS: entity-id ranges read at once by a run with many pages to read; 1 reads one keyset stream. */
    @WithDefault("2")
    int readers();

    /** Pages fetched ahead while the current one is written. */
    @WithDefault("2")
    int prefetchPages();

    /** Default Magento store id to store code mapping; a request's storeMapping overrides it per key. */
    Map<String, String> storeMapping();
}
