package dev.syncline.commons.run;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class SyncRunRepository implements PanacheRepository<SyncRun> {

    public Uni<List<SyncRun>> recent(String job, int limit) {
        Sort newestFirst = Sort.descending("startedAt", "id");
        var query = job == null ? findAll(newestFirst) : find("job", newestFirst, job);
        return query.page(Page.ofSize(limit)).list();
    }

    public Uni<SyncRun> latest(String job) {
        return find("job", Sort.descending("startedAt", "id"), job).firstResult();
    }
}
