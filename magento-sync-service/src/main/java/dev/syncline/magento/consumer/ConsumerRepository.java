package dev.syncline.magento.consumer;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
@WithSession
public class ConsumerRepository implements PanacheRepository<Consumer> {

    /** New consumers in id order, resumable with {@code afterId}. */
    public Uni<List<Consumer>> createdSince(OffsetDateTime since, String source, long afterId, int limit) {
        return find("createdAt >= :since and source = :source and id > :afterId", Sort.ascending("id"),
                Parameters.with("since", since).and("source", source).and("afterId", afterId))
                .page(Page.ofSize(limit))
                .list();
    }
}
