package dev.syncline.erp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.commons.run.ActiveRun;
import dev.syncline.commons.run.FailureMessage;
import dev.syncline.commons.run.RunCounts;
import dev.syncline.commons.run.RunHandle;
import dev.syncline.commons.run.RunRequest;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.erp.softone.SoftOneClient;
import dev.syncline.erp.softone.SoftOneConfig;
import dev.syncline.erp.softone.TraderWindow;
import dev.syncline.erp.trader.TraderKind;
import dev.syncline.erp.trader.TraderMapper;
import dev.syncline.erp.trader.TraderMapper.MappedTraders;
import dev.syncline.erp.trader.TraderStore;
import dev.syncline.erp.trader.TraderStore.Upserted;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * One trader sync: ask SoftOne for what changed since the last successful run's "at" (minus an
 * overlap; everything on the first run or a full reconciliation), and write the rows while they
 * arrive, in batches, in one transaction that also moves the window start. A missed run loses
 * nothing (the next window starts earlier); a failed one changes nothing (the transaction rolls back).
 */
@ApplicationScoped
public class TraderSyncJob {

    static final DateTimeFormatter SOFTONE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SyncJobLauncher launcher;
    private final SoftOneClient softone;
    private final TraderStore store;
    private final SyncWindowStore windows;
    private final ErpSyncConfig config;
    private final SoftOneConfig softoneConfig;
    private final TraderMapper mapper;

    public TraderSyncJob(SyncJobLauncher launcher, SoftOneClient softone, TraderStore store, SyncWindowStore windows,
                         ErpSyncConfig config, SoftOneConfig softoneConfig) {
        this.launcher = launcher;
        this.softone = softone;
        this.store = store;
        this.windows = windows;
        this.config = config;
        this.softoneConfig = softoneConfig;
        this.mapper = new TraderMapper(softoneConfig.timeZone());
    }

    /** Starts the sync (single flight per kind); the handle's result is what it did. */
    public Uni<RunHandle<WindowOutcome>> start(TraderKind kind, boolean full, RunTrigger trigger) {
        return launcher.start(new RunRequest(kind.job(), full ? "full" : "delta", trigger), run -> sync(run, kind, full));
    }

    private Uni<WindowOutcome> sync(ActiveRun run, TraderKind kind, boolean full) {
        return windowStart(kind, full)
                .chain(start -> softone.attempts(() -> run.inTransaction(tx -> readWindow(tx, run, kind, start.orElse(null)))))
                .invoke(outcome -> logCompleted(outcome))
                .onFailure().invoke(failure -> Log.warnf("%s sync failed: %s", kind.label(), FailureMessage.of(failure)));
    }

    private Uni<Optional<OffsetDateTime>> windowStart(TraderKind kind, boolean full) {
        return full ? Uni.createFrom().item(Optional.empty())
                : windows.lastAt(kind.job()).map(lastAt -> lastAt.map(at -> at.minus(config.overlap())));
    }

    /** One attempt: the window streamed into this transaction, then the window start moved and the run counted. */
    private Uni<WindowOutcome> readWindow(SqlClient tx, ActiveRun run, TraderKind kind, OffsetDateTime start) {
        Tally tally = new Tally();
        return softone.changedSince(kind, start == null ? null : softoneTime(start), config.batchSize(),
                        rows -> writeBatch(tx, run, kind, rows, tally))
                .chain(window -> windows.advance(tx, kind.job(), instant(window.at()), start)
                        .chain(() -> run.total(tx, window.rows()))
                        .chain(() -> run.count(tx, tally.counts()))
                        .map(ignored -> new WindowOutcome(kind, tally.counts(), window.windowStart(), window.at())));
    }

    private Uni<Void> writeBatch(SqlClient tx, ActiveRun run, TraderKind kind, List<JsonNode> rows, Tally tally) {
        MappedTraders mapped = mapper.map(rows, tally.read);
        return store.upsert(tx, kind, mapped.traders())
                .call(() -> run.reject(tx, mapped.rejections()))
                .invoke(done -> tally.add(rows.size(), mapped.rejections().size(), done))
                .replaceWithVoid();
    }

    /** The counts of one attempt; batches are written one after another, never at once. */
    private static final class Tally {
        private long read;
        private long rejected;
        private Upserted upserted = Upserted.NONE;

        void add(long rows, long rejectedRows, Upserted done) {
            read += rows;
            rejected += rejectedRows;
            upserted = upserted.plus(done);
        }

        RunCounts counts() {
            return new RunCounts(read, upserted.created(), upserted.updated(),
                    read - rejected - upserted.created() - upserted.updated(), rejected);
        }
    }

    private static void logCompleted(WindowOutcome outcome) {
        RunCounts c = outcome.counts();
        TraderKind kind = outcome.kind();
        if (c.read() == 0) {
            Log.infof("%s sync completed: No new or updated %s", kind.label(), kind.plural());
        } else {
            Log.infof("%s sync completed: %d created, %d updated (%d total in window)%s", kind.label(), c.created(),
                    c.updated(), c.read(), c.rejected() > 0 ? ", " + c.rejected() + " rejected" : "");
        }
    }

    private OffsetDateTime instant(String softoneLocalTime) {
        return LocalDateTime.parse(softoneLocalTime, SOFTONE_TIME).atZone(softoneConfig.timeZone()).toOffsetDateTime();
    }

    private String softoneTime(OffsetDateTime instant) {
        return SOFTONE_TIME.format(instant.atZoneSameInstant(softoneConfig.timeZone()));
    }
}
