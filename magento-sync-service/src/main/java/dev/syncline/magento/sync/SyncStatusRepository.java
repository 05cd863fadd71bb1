package dev.syncline.magento.sync;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class SyncStatusRepository implements PanacheRepositoryBase<SyncStatus, String> {

    public Uni<List<SyncStatus>> all() {
        return listAll(Sort.ascending("syncType"));
    }
}
