package dev.syncline.packages.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class StoredPackageRepository implements PanacheRepository<StoredPackage> {

    public Uni<List<StoredPackage>> ofProfile(UUID profileId) {
        return find("profileId", Sort.ascending("expirationDate", "id"), profileId).list();
    }
}
