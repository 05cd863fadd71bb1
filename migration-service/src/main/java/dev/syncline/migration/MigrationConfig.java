package dev.syncline.migration;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Where the two stores are and how the service talks to them. */
@ConfigMapping(prefix = "migration")
public interface MigrationConfig {

    Woo woo();

    Shopify shopify();

    /** MIGRATION_INLINE_DIFFERENCES: a compare answers its differences inline up to this many; more are paged. */
    int inlineDifferences();

    interface Woo {
        /** WOO_URL: the site's base URL; the API is under {@code <url>/wp-json/wc/v3}. */
        String url();

        /** WOO_CONSUMER_KEY, WOO_CONSUMER_SECRET: a REST key with read/write access. */
        Optional<String> consumerKey();

        Optional<String> consumerSecret();

        /** WOO_CONCURRENT_PAGES: pages read at once once X-WP-TotalPages is known (1 reads one after another). */
        @WithDefault("4")
        @Min(1)
        @Max(16)
        int concurrentPages();
    }

    interface Shopify {
        /** SHOPIFY_SHOP_URL: e.g. https://example.myshopify.com. */
        String url();

        /** SHOPIFY_ACCESS_TOKEN: an Admin API access token of a custom app. */
        Optional<String> accessToken();

        /** SHOPIFY_API_VERSION: e.g. 2025-07. */
        String apiVersion();

        /** SHOPIFY_BULK_THRESHOLD: from this many customers on, a compare reads them with a bulk operation. */
        int bulkThreshold();
    }
}
