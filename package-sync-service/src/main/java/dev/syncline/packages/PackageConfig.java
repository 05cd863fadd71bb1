package dev.syncline.packages;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the package syncs run. */
@ConfigMapping(prefix = "package")
public interface PackageConfig {

    /** The token claim that holds a user's profile id (PACKAGE_PROFILE_CLAIM). */
    @WithDefault("sub")
    String profileClaim();

    /** Profiles per CRM request in a bulk run, when the request names none (the original's 20). */
    @WithDefault("20")
    int defaultBatchSize();

    /** Batches of a bulk run in flight at once (PACKAGE_BULK_CONCURRENCY). */
    @WithDefault("4")
    int bulkConcurrency();

    /**
     * A bulk run whose failed profiles exceed this share of its profiles is an error, not a partial
     * success (PACKAGE_BULK_MAX_FAILED_SHARE); a run in which no profile succeeded always is.
     */
    @WithDefault("0.5")
    double bulkMaxFailedShare();

    /** With no successful bulk run for this long, the wellness check reports the daily sync as missing. */
    @WithDefault("26h")
    Duration bulkStaleAfter();

    /**
     * Individual profile syncs running at once on a replica (PACKAGE_PROFILE_SYNC_CONCURRENCY). Each
     * holds a database connection only while it writes, so this stays well below the pool size.
     */
    @WithDefault("8")
    int profileSyncConcurrency();

    /** How long a replica owns a claimed profile; a replica that died leaves it to another after this. */
    @WithDefault("2m")
    Duration profileSyncLease();

    /** After this many failed syncs in a row, a profile waits for its next login or booking. */
    @WithDefault("5")
    int profileSyncMaxFailures();
}
