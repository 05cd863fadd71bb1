package dev.syncline.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the catalog sync runs. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** ENCRYPTION_KEY: 32 bytes, base64; encrypts tenant credentials. */
    Optional<String> encryptionKey();

    /** ENCRYPTION_KEYS_PREVIOUS: earlier keys, comma separated, still read to decrypt. */
    Optional<String> previousEncryptionKeys();

    /** CRON_CONFIG_SYNC: when a tenant without its own schedule gets a CONFIG sync; "off" for never. */
    String configSchedule();

    /** CRON_PRODUCT_SYNC: the same for PRODUCT_DELTA. */
    String productSchedule();

    /** CATALOG_WORKERS: jobs running at once on this replica. */
    @WithDefault("2")
    int workers();

    /** CATALOG_JOB_MAX_ATTEMPTS: a job that failed this many times is dead. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait before a failed job's second attempt; it doubles per attempt up to {@link #retryMaxDelay()}. */
    @WithDefault("30s")
    Duration retryDelay();

    @WithDefault("30m")
    Duration retryMaxDelay();

    /** A running job whose worker has not beaten for this long, and holds no lock, is run again. */
    @WithDefault("60s")
    Duration jobLease();

    /** How often a running job's worker says it is alive. */
    @WithDefault("10s")
    Duration heartbeat();

    /** CATALOG_DELTA_OVERLAP: how far before the last window's end the next delta starts. */
    @WithDefault("10m")
    Duration deltaOverlap();

    /** PLENTY_ITEMS_PER_PAGE: variations per Plenty page, and per Shopware sync request. */
    @WithDefault("100")
    int itemsPerPage();

    /** Pages read ahead while the current one is written. */
    @WithDefault("2")
    int prefetchPages();

    /**
     * CATALOG_TEST_TENANT_SANDBOX_URL: when set, the default test tenant is created at start (if it
     * does not exist) on this sandbox, as the seed script did.
     */
    Optional<String> testTenantSandboxUrl();

    /** CATALOG_TEST_TENANT_SHOPWARE_MODE: api or mock, for the tenant created at start. */
    @WithDefault("mock")
    String testTenantShopwareMode();

    /**
     * CATALOG_ALLOWED_UPSTREAM_HOSTS: the host names tenant URLs may point at, comma separated;
     * unset: any host (tenant URLs are then trusted as their admins set them).
     */
    Optional<List<String>> allowedUpstreamHosts();

    /** CATALOG_IMAGE_UPLOADS: image uploads (each a download by the shop) under way at once per batch. */
    @WithDefault("4")
    int imageUploads();

    /** When fewer calls than this are left in Plenty's short period, every call waits for its decay. */
    @WithDefault("2")
    int plentyMinCallsLeft();
}
