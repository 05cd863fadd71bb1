package dev.syncline.packages;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the package syncs run. */
@ConfigMapping(prefix = "package")
public interface PackageConfig {

    /** The token claim that holds a user's profile id. */
    @WithDefault("sub")
    String profileClaim();

    /** Profiles per CRM request in a bulk run, when the request names none (the original's 20). */
    @WithDefault("20")
    int defaultBatchSize();

    /** Batches of a bulk run in flight at once. */
    @WithDefault("4")
    int bulkConcurrency();

    /** With no successful bulk run for this long, the wellness check reports the daily sync as missing. */
    @WithDefault("26h")
    Duration bulkStaleAfter();
}
