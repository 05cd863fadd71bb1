package dev.syncline.commons.rejected;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class RejectedRecordRepository implements PanacheRepository<RejectedRecord> {

    public Uni<List<RejectedRecord>> ofRun(long runId, int limit) {
        return find("runId", Sort.ascending("id"), runId).page(Page.ofSize(limit)).list();
    }
}
