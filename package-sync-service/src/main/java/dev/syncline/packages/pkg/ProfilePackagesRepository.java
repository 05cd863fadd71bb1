package dev.syncline.packages.pkg;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ProfilePackagesRepository implements PanacheRepository<ProfilePackages> {

    public Uni<List<ProfilePackages>> ofProfile(UUID profileId) {
        return find("profileId", Sort.ascending("expirationDate", "id"), profileId).list();
    }
}
