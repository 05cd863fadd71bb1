package dev.syncline.erp.sync;

import dev.syncline.commons.rejected.RejectedRecords;
import dev.syncline.commons.run.RunCounts;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.commons.run.SyncRunLedger;
import dev.syncline.erp.softone.SoftOneClient;
import dev.syncline.erp.softone.SoftOneConfig;
import dev.syncline.erp.softone.TraderWindow;
import dev.syncline.erp.trader.Trader;
import dev.syncline.erp.trader.TraderKind;
import dev.syncline.erp.trader.TraderMapper;
import dev.syncline.erp.trader.TraderMapper.MappedTraders;
import dev.syncline.erp.trader.TraderStore;
import dev.syncline.erp.trader.TraderStore.Upserted;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * One trader sync: ask SoftOne for what changed since the last successful run's "at" (minus an
 * overlap; everything on the first run or a full reconciliation), then write the rows, the rejected
 * ones and the next window start in one transaction. A missed run therefore loses nothing: the
 * next window simply starts earlier.
 */
@ApplicationScoped
public class TraderSyncJob {

    static final DateTimeFormatter SOFTONE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SyncJobLauncher launcher;
    private final SoftOneClient softone;
    private final TraderStore store;
    private final RejectedRecords rejected;
    private final SyncWindowStore windows;
    private final SyncRunLedger ledger;
    private final ErpSyncConfig config;
    private final SoftOneConfig softoneConfig;
    private final TraderMapper mapper;
    private final Pool pool;

    public TraderSyncJob(SyncJobLauncher launcher, SoftOneClient softone, TraderStore store, RejectedRecords rejected,
                         SyncWindowStore windows, SyncRunLedger ledger, ErpSyncConfig config,
                         SoftOneConfig softoneConfig, Pool pool) {
        this.launcher = launcher;
        this.softone = softone;
        this.store = store;
        this.rejected = rejected;
        this.windows = windows;
        this.ledger = ledger;
        this.config = config;
        this.softoneConfig = softoneConfig;
        this.mapper = new TraderMapper(softoneConfig.timeZone());
        this.pool = pool;
    }

    /** Runs the sync to its end (single flight per kind) and answers what it did. */
    public Uni<TraderSyncResult> run(TraderKind kind, boolean full, RunTrigger trigger) {
        return launcher.runToEnd(kind.job(), full ? "full" : "delta", trigger, runId -> sync(runId, kind, full))
                .map(done -> done.value().withRunId(done.runId()));
    }

    private Uni<TraderSyncResult> sync(long runId, TraderKind kind, boolean full) {
        return (full ? Uni.createFrom().item(Optional.<OffsetDateTime>empty()) : windows.lastAt(kind.job()))
                .map(lastAt -> lastAt.map(at -> at.minus(config.overlap())))
                .chain(windowStart -> softone.changedSince(kind, windowStart.map(this::softoneTime).orElse(null))
                        .chain(window -> write(runId, kind, window, windowStart.orElse(null))));
    }

    private Uni<TraderSyncResult> write(long runId, TraderKind kind, TraderWindow window, OffsetDateTime windowStart) {
        MappedTraders mapped = mapper.map(window.rows());
        OffsetDateTime at = LocalDateTime.parse(window.at(), SOFTONE_TIME).atZone(softoneConfig.timeZone()).toOffsetDateTime();
        return pool.withTransaction(tx -> upsertInBatches(tx, kind, mapped.traders())
                        .call(() -> rejected.keep(tx, runId, kind.job(), mapped.rejections()))
                        .call(() -> windows.advance(tx, kind.job(), at, windowStart))
                        .call(done -> ledger.setTotal(tx, runId, window.rows().size()))
                        .call(done -> ledger.addCounts(tx, runId, counts(window, mapped, done))))
                .map(done -> result(kind, window, mapped, done));
    }

    private Uni<Upserted> upsertInBatches(SqlClient tx, TraderKind kind, List<Trader> traders) {
        int size = Math.max(1, config.batchSize());
        List<List<Trader>> batches = new java.util.ArrayList<>();
        for (int from = 0; from < traders.size(); from += size) {
            batches.add(traders.subList(from, Math.min(traders.size(), from + size)));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> store.upsert(tx, kind, batch))
                .collect().in(() -> new long[2], (sum, batch) -> {
                    sum[0] += batch.created();
                    sum[1] += batch.updated();
                })
                .map(sum -> new Upserted(sum[0], sum[1]));
    }

    private static RunCounts counts(TraderWindow window, MappedTraders mapped, Upserted done) {
        long read = window.rows().size();
        long rejectedCount = mapped.rejections().size();
        return new RunCounts(read, done.created(), done.updated(), read - rejectedCount - done.created() - done.updated(),
                rejectedCount);
    }

    private TraderSyncResult result(TraderKind kind, TraderWindow window, MappedTraders mapped, Upserted done) {
        RunCounts c = counts(window, mapped, done);
        String message = null;
        if (c.read() == 0) {
            message = "No new or updated " + kind.plural() + " to sync";
            Log.infof("%s sync completed: No new or updated %s", kind.label(), kind.plural());
        } else {
            Log.infof("%s sync completed: %d created, %d updated (%d total in window)%s", kind.label(), c.created(),
                    c.updated(), c.read(), c.rejected() > 0 ? ", " + c.rejected() + " rejected" : "");
        }
        return new TraderSyncResult(true, c.read(), c.read(), c.created(), c.updated(), c.skipped(), c.rejected(),
                message, window.windowStart(), window.at(), Instant.now().toString(), null);
    }

    private String softoneTime(OffsetDateTime instant) {
        return SOFTONE_TIME.format(instant.atZoneSameInstant(softoneConfig.timeZone()));
    }
}
