package dev.syncline.migration.migrate;

import dev.syncline.commons.problem.InvalidRequestException;
import dev.syncline.commons.run.RunHandle;
import dev.syncline.commons.run.RunRequest;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.migration.platforms.Stores;
import dev.syncline.migration.store.Platform;
import dev.syncline.migration.store.StoreConnector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Starting migrations and reading their progress, for the API and the pages alike. The source
 * records are read first: an id the source does not have refuses the whole request (nothing is
 * migrated). One migration into a store at a time.
 */
@ApplicationScoped
public class Migrations {

    private final SyncJobLauncher launcher;
    private final MigrateJob job;
    private final MigrationStore store;
    private final Stores stores;

    public Migrations(SyncJobLauncher launcher, MigrateJob job, MigrationStore store, Stores stores) {
        this.launcher = launcher;
        this.job = job;
        this.store = store;
        this.stores = stores;
    }

    public Uni<RunHandle<List<RecordResult>>> customers(Platform sourcePlatform, List<String> ids, RunTrigger trigger) {
        StoreConnector source = stores.of(sourcePlatform);
        StoreConnector destination = stores.of(sourcePlatform.other());
        List<String> unique = distinct(ids, "customers");
        return source.customersById(unique).chain(found -> {
            requireAll(unique, found, "customers", "sourceCustomerId", sourcePlatform);
            return launcher.start(new RunRequest("migrate-customers:" + destination.platform().key(), sourcePlatform.key(), trigger),
                    run -> job.customers(run, source, destination, unique.stream().map(found::get).toList()));
        });
    }

    public Uni<RunHandle<List<RecordResult>>> orders(Platform sourcePlatform, List<String> ids, boolean draft, RunTrigger trigger) {
        StoreConnector source = stores.of(sourcePlatform);
        StoreConnector destination = stores.of(sourcePlatform.other());
        List<String> unique = distinct(ids, "orders");
        return source.ordersById(unique).chain(found -> {
            requireAll(unique, found, "orders", "sourceOrderId", sourcePlatform);
            return launcher.start(new RunRequest("migrate-orders:" + destination.platform().key(), sourcePlatform.key(), trigger),
                    run -> job.orders(run, source, destination, unique.stream().map(found::get).toList(), draft));
        });
    }

    public Uni<MigrationView> view(long id) {
        return store.run(id).chain(run -> run.map(r -> store.results(id).map(results -> MigrationView.of(r, results)))
                .orElseThrow(() -> new NotFoundException("No migration " + id)));
    }

    private static List<String> distinct(List<String> ids, String field) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String id : ids) {
            if (!unique.add(id.trim())) {
                throw new InvalidRequestException(field, field + " names " + id + " twice");
            }
        }
        return List.copyOf(unique);
    }

    private static void requireAll(List<String> ids, Map<String, ?> found, String field, String idName, Platform platform) {
        List<String> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(field, platform.title() + " has no " + field.substring(0, field.length() - 1) + " with "
                    + idName + " " + String.join(", ", unknown.subList(0, Math.min(20, unknown.size())))
                    + (unknown.size() > 20 ? " (and " + (unknown.size() - 20) + " more)" : "") + "; nothing was migrated");
        }
    }
}
