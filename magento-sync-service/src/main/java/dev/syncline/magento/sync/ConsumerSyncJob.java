package dev.syncline.magento.sync;

import dev.syncline.commons.rejected.RejectedRecords;
import dev.syncline.commons.run.RunCounts;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.commons.run.SyncRunLedger;
import dev.syncline.magento.consumer.ConsumerMapper;
import dev.syncline.magento.consumer.ConsumerMapper.MappedPage;
import dev.syncline.magento.consumer.ConsumerPageWriter;
import dev.syncline.magento.order.MagentoClient;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Magento orders to consumers. Reads keyset pages (entity_id after the cursor, ascending) while
 * writing the previous ones; each page is one transaction holding its consumers, outbox events,
 * rejected records, the watermark and the run's counters, so a crash loses and duplicates nothing.
 */
@ApplicationScoped
public class ConsumerSyncJob {

    public static final String JOB = "magento-consumers";

    private final SyncJobLauncher launcher;
    private final MagentoClient magento;
    private final ConsumerPageWriter consumers;
    private final RejectedRecords rejected;
    private final WatermarkStore watermarks;
    private final SyncRunLedger ledger;
    private final SyncConfig config;
    private final Pool pool;

    public ConsumerSyncJob(SyncJobLauncher launcher, MagentoClient magento, ConsumerPageWriter consumers,
                           RejectedRecords rejected, WatermarkStore watermarks, SyncRunLedger ledger,
                           SyncConfig config, Pool pool) {
        this.launcher = launcher;
        this.magento = magento;
        this.consumers = consumers;
        this.rejected = rejected;
        this.watermarks = watermarks;
        this.ledger = ledger;
        this.config = config;
        this.pool = pool;
    }

    /** Starts a run in the background; answers its id, or fails with JobAlreadyRunningException. */
    public Uni<Long> start(SyncPlan plan, RunTrigger trigger) {
        return launcher.start(JOB, plan.mode(), trigger, runId -> run(runId, plan));
    }

    private Uni<Void> run(long runId, SyncPlan plan) {
        ConsumerMapper mapper = new ConsumerMapper(plan.storeMapping());
        return watermarks.markRunning(plan.mode())
                .chain(watermarks::watermark)
                .map(watermark -> startingPoint(plan, watermark))
                .chain(startAfter -> pages(startAfter, plan)
                        .onItem().transformToUniAndConcatenate(fetch -> fetch.failure() == null
                                ? write(runId, plan, mapper, fetch.page())
                                : Uni.createFrom().failure(fetch.failure()))
                        .collect().last())
                .onItemOrFailure().call((ignored, failure) -> watermarks.markFinished(plan.mode(),
                        failure == null ? null : SyncRunLedger.describe(failure)))
                .replaceWithVoid();
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

    private Uni<Void> write(long runId, SyncPlan plan, ConsumerMapper mapper, FetchedPage page) {
        MappedPage mapped = mapper.map(page.items());
        long read = page.items().size();
        long rejectedCount = mapped.rejections().size();
        return pool.withTransaction(tx -> consumers.insert(tx, mapped.consumers())
                .call(() -> rejected.keep(tx, runId, JOB, mapped.rejections()))
                .call(() -> page.first() ? ledger.setTotal(tx, runId, page.totalCount()) : Uni.createFrom().voidItem())
                .call(created -> watermarks.advance(tx, plan.mode(), page.lastEntityId(), read, created, rejectedCount))
                .call(created -> ledger.addCounts(tx, runId,
                        new RunCounts(read, created, 0, read - created - rejectedCount, rejectedCount))))
                .replaceWithVoid();
    }

    /** Where the next page starts; only the page stream touches it, one page at a time. */
    private static final class Cursor {
        private long after;
        private boolean first = true;

        Cursor(long after) {
            this.after = after;
        }

        FetchedPage advance(dev.syncline.magento.order.OrderPage page) {
            FetchedPage fetched = FetchedPage.checked(after, page.items(), page.totalCount(), first);
            after = fetched.lastEntityId();
            first = false;
            return fetched;
        }
    }
}
