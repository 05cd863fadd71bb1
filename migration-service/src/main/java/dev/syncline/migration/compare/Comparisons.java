package dev.syncline.migration.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.commons.run.RunFailedException;
import dev.syncline.commons.run.RunHandle;
import dev.syncline.commons.run.RunRequest;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.migration.MigrationConfig;
import dev.syncline.migration.store.Platform;
import dev.syncline.migration.platforms.Stores;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.ArrayList;
import java.util.List;

/** Starting comparisons and reading their snapshots, for the API and the pages alike. */
@ApplicationScoped
public class Comparisons {

    static final int CSV_CHUNK = 1000;

    private final SyncJobLauncher launcher;
    private final CompareJob job;
    private final ComparisonStore store;
    private final Stores stores;
    private final MigrationConfig config;

    public Comparisons(SyncJobLauncher launcher, CompareJob job, ComparisonStore store, Stores stores, MigrationConfig config) {
        this.launcher = launcher;
        this.job = job;
        this.store = store;
        this.stores = stores;
        this.config = config;
    }

    /** One comparison of a kind and direction at a time (409 with the running one's id otherwise). */
    public Uni<RunHandle<ComparisonStore.Stored>> start(CompareKind kind, Platform source, RunTrigger trigger) {
        return launcher.start(new RunRequest("compare-" + kind.key + ":" + source.key(), "compare", trigger),
                run -> job.run(run, kind, stores.of(source), stores.of(source.other())));
    }

    /** The answer to an asynchronous start: the snapshot's id, to read once it has completed. */
    public static CompareAnswer started(CompareKind kind, long id) {
        return new CompareAnswer(List.of(), null, id, "running", null, 1, 0, 0, false, "/api/" + kind.key + "/compare/" + id + ".csv");
    }

    /** Waits for a started comparison and answers its first page; a failed run is a problem naming the run. */
    public Uni<CompareAnswer> firstPage(CompareKind kind, RunHandle<ComparisonStore.Stored> handle, int size) {
        return handle.result().onFailure().transform(failure -> new RunFailedException(handle.runId(), failure))
                .chain(() -> page(kind, handle.runId(), 1, size));
    }

    /** The default answer: every difference inline up to MIGRATION_INLINE_DIFFERENCES, else the first page of that size. */
    public Uni<CompareAnswer> inline(CompareKind kind, RunHandle<ComparisonStore.Stored> handle) {
        return firstPage(kind, handle, config.inlineDifferences());
    }

    public Uni<CompareAnswer> page(CompareKind kind, long id, int page, int size) {
        return stored(kind, id).chain(stored -> store.differences(id, (page - 1L) * size, size).map(list -> {
            int total = stored.onlyInSource() + stored.ambiguous();
            List<Object> shown = new ArrayList<>();
            list.forEach(d -> shown.add(shown(stored, d)));
            return new CompareAnswer(shown, stored.summary(), id, stored.status(), stored.error(), page, size, total,
                    (long) page * size < total, "/api/" + kind.key + "/compare/" + id + ".csv");
        }));
    }

    /** Every difference as CSV, read from the snapshot a chunk at a time (an unknown id fails before the first line). */
    public Multi<String> csv(CompareKind kind, long id) {
        return stored(kind, id).onItem().transformToMulti(stored -> {
            int[] offset = {0};
            boolean[] done = {false};
            Multi<String> rows = Multi.createBy().repeating()
                    .uni(() -> offset, o -> store.differences(id, o[0], CSV_CHUNK).invoke(list -> {
                        o[0] += list.size();
                        done[0] = list.size() < CSV_CHUNK;
                    }))
                    .whilst(list -> !done[0])
                    .map(list -> {
                        StringBuilder chunk = new StringBuilder();
                        list.forEach(d -> chunk.append(DifferenceCsv.row(kind, stored, d)));
                        return chunk.toString();
                    });
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(DifferenceCsv.header(kind)), rows);
        });
    }

    private Uni<ComparisonStore.Stored> stored(CompareKind kind, long id) {
        return store.find(id).map(found -> found.filter(s -> s.kind() == kind).orElseThrow(() ->
                new NotFoundException("No " + kind.key + " comparison " + id)));
    }

    private static Object shown(ComparisonStore.Stored stored, ComparisonStore.Difference d) {
        JsonNode p = d.payload();
        if (stored.kind() == CompareKind.CUSTOMERS) {
            return new CustomerDifference(text(p, "email"), text(p, "firstName"), text(p, "lastName"), text(p, "phone"),
                    d.sourceId(), true, false, stored.source(), stored.destination(), d.matchStatus(), d.matchNote(), d.candidates());
        }
        List<String> warnings = new ArrayList<>();
        p.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new OrderDifference(text(p, "orderNumber"), text(p, "email"), text(p, "totalPrice"), text(p, "createdAt"), d.sourceId(),
                true, false, stored.source(), stored.destination(), p.path("lineItemCount").asInt(), text(p, "financialStatus"),
                text(p, "fulfillmentStatus"), warnings, d.matchStatus(), d.matchNote(), d.candidates());
    }

    static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }
}
