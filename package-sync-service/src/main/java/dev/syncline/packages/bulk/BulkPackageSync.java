package dev.syncline.packages.bulk;

import dev.syncline.commons.rejected.RejectedRecords;
import dev.syncline.commons.rejected.Rejection;
import dev.syncline.commons.run.RunCounts;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.commons.run.SyncRunLedger;
import dev.syncline.packages.PackageConfig;
import dev.syncline.packages.bulk.BulkRequest.BulkPlan;
import dev.syncline.packages.crm.CrmClient;
import dev.syncline.packages.crm.CrmPackage;
import dev.syncline.packages.pkg.PackageStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every mapped profile's packages, in batches: one CRM request per batch of profiles (paged, so
 * batches with more than the CRM's row cap come whole), batches in flight with bounded concurrency.
 * When a batch's request fails even after retries, its profiles are read one by one, so one broken
 * customer fails only its own profile, listed with the reason. Each batch commits its packages and
 * the run's progress together.
 */
@ApplicationScoped
public class BulkPackageSync {

    public static final String JOB = "crm-packages-bulk";

    private final SyncJobLauncher launcher;
    private final CrmClient crm;
    private final PackageStore packages;
    private final RejectedRecords rejected;
    private final SyncRunLedger ledger;
    private final PackageConfig config;
    private final Pool pool;
    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    public BulkPackageSync(SyncJobLauncher launcher, CrmClient crm, PackageStore packages, RejectedRecords rejected,
                           SyncRunLedger ledger, PackageConfig config, Pool pool) {
        this.launcher = launcher;
        this.crm = crm;
        this.packages = packages;
        this.rejected = rejected;
        this.ledger = ledger;
        this.config = config;
        this.pool = pool;
    }

    /** Starts a run in the background; it goes on whether or not the caller waits for it. */
    public Uni<Long> start(BulkPlan plan, RunTrigger trigger) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        return launcher.start(JOB, plan.mode(), trigger, runId -> {
            running.put(runId, done);
            return run(runId, plan).onTermination().invoke((ok, failure, cancelled) -> {
                running.remove(runId);
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    done.complete(null);
                }
            });
        });
    }

    /** Completes when the run has ended; a caller that stops waiting does not stop the run. */
    public Uni<Void> ended(long runId) {
        CompletableFuture<Void> done = running.get(runId);
        return done == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(done.copy());
    }

    private record Mapped(UUID profileId, String customerId) {
    }

    private Uni<Void> run(long runId, BulkPlan plan) {
        return mappedProfiles(plan).chain(profiles -> pool.withTransaction(tx -> tx
                        .preparedQuery("insert into bulk_progress (run_id, total_profiles) values ($1, $2)")
                        .execute(Tuple.of(runId, profiles.size()))
                        .chain(() -> ledger.setTotal(tx, runId, profiles.size())))
                .chain(() -> Multi.createFrom().iterable(batches(profiles, plan.batchSize()))
                        .onItem().transformToUni(batch -> syncBatch(runId, batch)).merge(Math.max(1, config.bulkConcurrency()))
                        .collect().last()
                        .replaceWithVoid()));
    }

    private Uni<List<Mapped>> mappedProfiles(BulkPlan plan) {
        String sql = "select profile_id, crm_customer_id from crm_mapping where status = 'matched'"
                + (plan.onlyNewProfiles() ? " and last_synced_at is null" : "")
                + " order by profile_id" + (plan.maxProfiles() != null ? " limit " + plan.maxProfiles() : "");
        return pool.query(sql).execute().map(rows -> {
            List<Mapped> mapped = new ArrayList<>();
            for (Row row : rows) {
                mapped.add(new Mapped(row.getUUID("profile_id"), row.getString("crm_customer_id")));
            }
            return mapped;
        });
    }

    private static List<List<Mapped>> batches(List<Mapped> profiles, int size) {
        List<List<Mapped>> batches = new ArrayList<>();
        for (int from = 0; from < profiles.size(); from += size) {
            batches.add(profiles.subList(from, Math.min(profiles.size(), from + size)));
        }
        return batches;
    }

    private Uni<Void> syncBatch(long runId, List<Mapped> batch) {
        return crm.packagesOf(batch.stream().map(Mapped::customerId).distinct().toList())
                .chain(list -> write(runId, batch, list, List.of()))
                .onFailure().recoverWithUni(batchFailure -> oneByOne(runId, batch));
    }

    /** The batch's request failed: each profile on its own, so only the broken ones fail. */
    private Uni<Void> oneByOne(long runId, List<Mapped> batch) {
        List<CrmPackage> read = new ArrayList<>();
        List<Mapped> ok = new ArrayList<>();
        List<Rejection> failed = new ArrayList<>();
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(profile -> crm.packagesOf(List.of(profile.customerId()))
                        .invoke(list -> {
                            read.addAll(list);
                            ok.add(profile);
                        })
                        .replaceWithVoid()
                        .onFailure().recoverWithItem(failure -> {
                            failed.add(new Rejection(profile.profileId().toString(),
                                    "Profile " + profile.profileId() + ": " + failure.getMessage()));
                            return null;
                        }))
                .collect().last()
                .chain(() -> write(runId, ok, read, failed));
    }

    private Uni<Void> write(long runId, List<Mapped> synced, List<CrmPackage> read, List<Rejection> failed) {
        Map<String, List<UUID>> profilesOfCustomer = new HashMap<>();
        synced.forEach(p -> profilesOfCustomer.computeIfAbsent(p.customerId(), c -> new ArrayList<>()).add(p.profileId()));
        Map<UUID, List<CrmPackage>> byProfile = new HashMap<>();
        synced.forEach(p -> byProfile.put(p.profileId(), new ArrayList<>()));
        read.forEach(pkg -> profilesOfCustomer.getOrDefault(pkg.customerId(), List.of())
                .forEach(profile -> byProfile.get(profile).add(pkg)));
        return pool.withTransaction(tx -> (byProfile.isEmpty() ? Uni.createFrom().item(0) : packages.replace(tx, byProfile))
                .call(count -> rejected.keep(tx, runId, JOB, failed))
                .call(count -> tx.preparedQuery("""
                                update bulk_progress set successful_profiles = successful_profiles + $2,
                                       failed_profiles = failed_profiles + $3, total_packages = total_packages + $4,
                                       updated_at = now()
                                where run_id = $1""")
                        .execute(Tuple.of(runId, synced.size(), failed.size(), count)))
                .call(count -> ledger.addCounts(tx, runId,
                        new RunCounts(synced.size() + failed.size(), 0, synced.size(), 0, failed.size()))))
                .replaceWithVoid();
    }
}
