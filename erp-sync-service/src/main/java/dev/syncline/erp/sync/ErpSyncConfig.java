package dev.syncline.erp.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The trader syncs' schedules and windows. */
@ConfigMapping(prefix = "erp.sync")
public interface ErpSyncConfig {

    /** Unix cron of the customer delta sync, or "off" (ERP_CUSTOMERS_CRON). */
    String customersSchedule();

    /** Unix cron of the supplier delta sync, or "off" (ERP_SUPPLIERS_CRON). */
    String suppliersSchedule();

    /** Unix cron of the full reconciliation of both, or "off" (ERP_RECONCILE_CRON). */
    String reconcileSchedule();

    /**
     * How far before the last successful run's "at" the next window starts: covers rows that SoftOne
     * stamped just before answering and clock skew. Re-read rows with an unchanged UPDDATE are skipped.
     */
    @WithDefault("2m")
    Duration overlap();

    /** Rows per upsert statement; a window is written in one transaction whatever its size. */
    @WithDefault("1000")
    int batchSize();
}
