package dev.syncline.magento.sync;

import dev.syncline.commons.run.ActiveRun;
import dev.syncline.commons.run.RunCounts;
import dev.syncline.commons.run.RunHandle;
import dev.syncline.commons.run.RunRequest;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.magento.consumer.ConsumerMapper;
import dev.syncline.magento.consumer.ConsumerMapper.MappedPage;
import dev.syncline.magento.consumer.ConsumerStore;
import dev.syncline.magento.order.MagentoClient;
import dev.syncline.magento.order.OrderPage;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Magento orders to consumers. Reads keyset pages (entity_id after the cursor, ascending) while
 * writing the previous ones; each page is one transaction holding its consumers, outbox events,
 * rejected records, the watermark and the run's counters, so a crash loses and duplicates nothing.
 */
@ApplicationScoped
public class ConsumerSyncJob {

    public static final String JOB = "magento-consumers";
    /** Ranges per reader: a reader that finishes early takes the next, so readers end together. */
    static final int RANGES_PER_READER = 4;

    private final SyncJobLauncher launcher;
    private final MagentoClient magento;
    private final ConsumerStore consumers;
    private final WatermarkStore watermarks;
    private final ReadRangeStore ranges;
    private final SyncConfig config;

    public ConsumerSyncJob(SyncJobLauncher launcher, MagentoClient magento, ConsumerStore consumers,
                           WatermarkStore watermarks, ReadRangeStore ranges, SyncConfig config) {
        this.launcher = launcher;
        this.magento = magento;
        this.consumers = consumers;
        this.watermarks = watermarks;
        this.ranges = ranges;
        this.config = config;
    }

    /** Starts a run; fails with JobAlreadyRunningException while one runs anywhere. */
    public Uni<RunHandle<Void>> start(SyncPlan plan, RunTrigger trigger) {
        return launcher.start(new RunRequest(JOB, plan.mode(), trigger), run -> sync(run, plan));
    }

    private Uni<Void> sync(ActiveRun run, SyncPlan plan) {
        ConsumerMapper mapper = new ConsumerMapper(plan.storeMapping());
        if (!plan.inRanges()) {
            return watermarks.watermark().map(watermark -> startingPoint(plan, watermark))
                    .chain(startAfter -> sequential(run, plan, mapper, startAfter));
        }
        return ranges.left(plan.mode()).chain(left -> {
            if (!left.isEmpty()) {
                Log.infof("Continuing the %d unfinished of %d entity-id ranges a broken-off %s sync left", 
                        left.stream().filter(r -> !r.done()).count(), left.size(), plan.mode());
                return inRanges(run, plan, mapper, left);
            }
            return watermarks.watermark().map(watermark -> startingPoint(plan, watermark))
                    .chain(startAfter -> magento.newestAfter(startAfter).chain(newest -> {
                        int count = plan.readers() * RANGES_PER_READER;
                        if (newest.items().isEmpty() || newest.totalCount() <= (long) plan.batchSize() * plan.readers()) {
                            return sequential(run, plan, mapper, startAfter);
                        }
                        List<ReadRange> planned = ReadRange.split(startAfter, newest.items().get(0).entityId(), count);
                        Log.infof("Reading %d orders in %d entity-id ranges, %d at a time", newest.totalCount(), planned.size(),
                                plan.readers());
                        return run.inTransaction(tx -> ranges.plan(tx, plan.mode(), planned)
                                        .call(() -> run.total(tx, newest.totalCount())))
                                .chain(() -> inRanges(run, plan, mapper, planned));
                    }));
        });
    }

    /** One keyset stream from {@code startAfter}, pages fetched ahead of the writer. */
    private Uni<Void> sequential(ActiveRun run, SyncPlan plan, ConsumerMapper mapper, long startAfter) {
        return pages(startAfter, plan)
                .onItem().transformToUniAndConcatenate(fetch -> fetch.failure() == null
                        ? write(run, plan, mapper, fetch.page())
                        : Uni.createFrom().<Void>failure(fetch.failure()))
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * The unfinished ranges, {@code readers} at a time, each page written in its own transaction
     * with its range's cursor; the watermark moves to what all ranges cover together. The plan is
     * forgotten once every range is read.
     */
    private Uni<Void> inRanges(ActiveRun run, SyncPlan plan, ConsumerMapper mapper, List<ReadRange> planned) {
        return Multi.createFrom().iterable(planned.stream().filter(r -> !r.done()).toList())
                .onItem().transformToUni(range -> readRange(run, plan, mapper, range)).merge(plan.readers())
                .collect().last()
                .chain(() -> run.inTransaction(tx -> ranges.covered(tx, plan.mode())
                        .call(covered -> covered == null ? Uni.createFrom().voidItem() : watermarks.advance(tx, plan.mode(), covered))
                        .call(() -> ranges.clear(tx, plan.mode()))))
                .replaceWithVoid();
    }

    private Uni<Void> readRange(ActiveRun run, SyncPlan plan, ConsumerMapper mapper, ReadRange range) {
        Cursor cursor = new Cursor(range.cursor());
        return Multi.createBy().repeating()
                .uni(() -> cursor, c -> (range.to() == null
                        ? magento.ordersAfter(c.after, plan.batchSize())
                        : magento.ordersBetween(c.after, range.to(), plan.batchSize())).map(c::advance))
                .whilst(FetchedPage::hasMore)
                .onItem().transformToUniAndConcatenate(page -> writeInRange(run, plan, mapper, range, page))
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> writeInRange(ActiveRun run, SyncPlan plan, ConsumerMapper mapper, ReadRange range, FetchedPage page) {
        return write(run, mapper, page, tx -> ranges.advance(tx, plan.mode(), range.number(), page.lastEntityId(), !page.hasMore())
                .chain(covered -> watermarks.advance(tx, plan.mode(), covered)));
    }

    private long startingPoint(SyncPlan plan, long watermark) {
        long startAfter = plan.full() ? 0 : Math.max(0, watermark - config.settleWindow());
        Log.infof("Reading Magento orders after entity_id %d (%s sync, watermark %d, %d per page)",
                startAfter, plan.mode(), watermark, plan.batchSize());
        return startAfter;
    }

    /**
     * Keyset pages until total_count says nothing is left, fetched ahead of the writer by a bounded
     * buffer. A failed fetch arrives as the last item, after the pages already fetched, so those are
     * still written before the run ends as error.
     */
    private Multi<Fetch> pages(long startAfter, SyncPlan plan) {
        Cursor cursor = new Cursor(startAfter);
        Multi<FetchedPage> pages = Multi.createBy().repeating()
                .uni(() -> cursor, c -> magento.ordersAfter(c.after, plan.batchSize()).map(c::advance))
                .whilst(FetchedPage::hasMore);
        if (plan.maxPages() != null) {
            pages = pages.select().first(plan.maxPages());
        }
        return pages.map(Fetch::of)
                .onFailure().recoverWithItem(Fetch::failed)
                .emitOn(Infrastructure.getDefaultWorkerPool(), Math.max(1, config.prefetchPages()));
    }

    private record Fetch(FetchedPage page, Throwable failure) {
        static Fetch of(FetchedPage page) {
            return new Fetch(page, null);
        }

        static Fetch failed(Throwable failure) {
            return new Fetch(null, failure);
        }
    }

    private Uni<Void> write(ActiveRun run, SyncPlan plan, ConsumerMapper mapper, FetchedPage page) {
        return write(run, mapper, page, tx -> (page.first() ? run.total(tx, page.totalCount()) : Uni.createFrom().voidItem())
                .chain(() -> watermarks.advance(tx, plan.mode(), page.lastEntityId())));
    }

    /** A page in one transaction: its consumers, rejected records, progress marker ({@code progress}) and counts. */
    private Uni<Void> write(ActiveRun run, ConsumerMapper mapper, FetchedPage page,
                            java.util.function.Function<SqlClient, Uni<Void>> progress) {
        MappedPage mapped = mapper.map(page.items());
        long read = page.items().size();
        long rejected = mapped.rejections().size();
        return run.inTransaction(tx -> consumers.insert(tx, mapped.consumers())
                        .call(() -> run.reject(tx, mapped.rejections()))
                        .call(() -> progress.apply(tx))
                        .call(created -> run.count(tx, new RunCounts(read, created, 0, read - created - rejected, rejected))))
                .replaceWithVoid();
    }

    /** Where the next page starts; only the page stream touches it, one page at a time. */
    private static final class Cursor {
        private long after;
        private boolean first = true;

        Cursor(long after) {
            this.after = after;
        }

        FetchedPage advance(OrderPage page) {
            FetchedPage fetched = FetchedPage.checked(after, page.items(), page.totalCount(), first);
            after = fetched.lastEntityId();
            first = false;
            return fetched;
        }
    }
}
