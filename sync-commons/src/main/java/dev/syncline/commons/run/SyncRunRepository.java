package dev.syncline.commons.run;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Reads the ledger for status endpoints. Each read first closes runs whose process died, so no
 * answer shows a run as running that is not.
 */
@ApplicationScoped
public class SyncRunRepository implements PanacheRepository<SyncRun> {

    private final SyncRunLedger ledger;

    public SyncRunRepository(SyncRunLedger ledger) {
        this.ledger = ledger;
    }

    public Uni<List<SyncRun>> recent(String job, int limit) {
        Sort newestFirst = Sort.descending("startedAt", "id");
        return ledger.closeAbandoned().chain(() -> read(() -> (job == null ? findAll(newestFirst) : find("job", newestFirst, job))
                .page(Page.ofSize(limit)).list()));
    }

    public Uni<SyncRun> latest(String job) {
        return ledger.closeAbandoned().chain(() -> read(() -> find("job", Sort.descending("startedAt", "id"), job).firstResult()));
    }

    /** The latest run of a job in one mode (e.g. the last full sync). */
    public Uni<SyncRun> latest(String job, String mode) {
        return ledger.closeAbandoned().chain(() -> read(() -> find("job = ?1 and mode = ?2",
                Sort.descending("startedAt", "id"), job, mode).firstResult()));
    }

    public Uni<SyncRun> one(long id) {
        return ledger.closeAbandoned().chain(() -> read(() -> findById(id)));
    }

    private static <T> Uni<T> read(java.util.function.Supplier<Uni<T>> query) {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(query::get);
    }
}
