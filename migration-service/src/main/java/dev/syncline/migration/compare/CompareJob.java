package dev.syncline.migration.compare;

import dev.syncline.commons.run.ActiveRun;
import dev.syncline.commons.run.RunCounts;
import dev.syncline.migration.store.StoreConnector;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * One comparison: the destination's records (their keys only) and the source's, each page in a
 * transaction of its own, so memory holds a page at a time whatever the stores' size; then one
 * statement matches them and keeps the differences. The ledger counts the source records read.
 */
@ApplicationScoped
public class CompareJob {

    private final ComparisonStore store;

    public CompareJob(ComparisonStore store) {
        this.store = store;
    }

    public Uni<ComparisonStore.Stored> run(ActiveRun run, CompareKind kind, StoreConnector source, StoreConnector destination) {
        return run.inTransaction(tx -> store.open(tx, run.id(), kind, source.platform().key(), destination.platform().key()))
                // The two stores are read side by side: each mostly waits on its own API.
                .chain(() -> Uni.combine().all().unis(write(run, 'D', keys(kind, destination, false), false),
                        write(run, 'S', keys(kind, source, true), true)).discardItems())
                .chain(() -> run.inTransaction(tx -> store.match(tx, run.id(), kind, destination.platform().title())))
                .invoke(done -> Log.infof("Compared %s %s with %s: %d of %d matched, %d only in %s, %d ambiguous", kind.key,
                        source.platform().title(), destination.platform().title(), done.matched(), done.sourceCount(), done.onlyInSource(),
                        source.platform().title(), done.ambiguous()))
                .onFailure().call(() -> store.clear(run.id()));
    }

    private Uni<Void> write(ActiveRun run, char side, Multi<List<ComparedRecord>> pages, boolean counted) {
        long[] position = {1};
        return pages.onItem().transformToUniAndConcatenate(page -> {
                    long first = position[0];
                    position[0] += page.size();
                    return run.inTransaction(tx -> store.add(tx, run.id(), side, first, page)
                            .call(() -> counted ? run.count(tx, new RunCounts(page.size(), 0, 0, 0, 0)) : Uni.createFrom().voidItem()));
                })
                .collect().last().replaceWithVoid();
    }

    private static Multi<List<ComparedRecord>> keys(CompareKind kind, StoreConnector store, boolean withPayload) {
        if (kind == CompareKind.CUSTOMERS) {
            return store.customers().map(page -> page.stream().map(c -> new ComparedRecord(c.id(), MatchKeys.email(c.email()),
                    MatchKeys.namePhone(c.firstName(), c.lastName(), c.phone()),
                    withPayload ? CustomerDifference.Shown.of(c) : null)).toList());
        }
        return store.orders().map(page -> page.stream().map(o -> new ComparedRecord(o.id(), MatchKeys.orderNumber(o.number()),
                MatchKeys.emailTotalDate(o.email(), o.totalPrice(), o.createdAt()),
                withPayload ? OrderDifference.Shown.of(o) : null)).toList());
    }
}
