package dev.syncline.packages.bulk;

import dev.syncline.commons.rejected.Rejection;
import dev.syncline.commons.run.ActiveRun;
import dev.syncline.commons.run.FailureMessage;
import dev.syncline.commons.run.RunCounts;
import dev.syncline.commons.run.RunHandle;
import dev.syncline.commons.run.RunRequest;
import dev.syncline.commons.run.RunTrigger;
import dev.syncline.commons.run.SyncJobLauncher;
import dev.syncline.packages.PackageConfig;
import dev.syncline.packages.bulk.BulkRequest.BulkPlan;
import dev.syncline.packages.crm.CrmClient;
import dev.syncline.packages.crm.CrmPackage;
import dev.syncline.packages.store.PackageStore;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every mapped profile's packages, in batches: one CRM request per batch of profiles (paged, so
 * batches with more than the CRM's row cap come whole), batches in flight with bounded concurrency.
 * When a batch's request fails even after retries, its profiles are read one by one, so one broken
 * customer fails only its own profile, listed with the reason. Each batch commits its packages and
 * the run's counts together: profiles as records (updated = synced, rejected = failed) and the
 * {@code packages} counter. A run in which no profile, or too few, succeeded ends as error.
 */
@ApplicationScoped
public class BulkPackageSyncJob {

    public static final String JOB = "crm-packages-bulk";
    static final String PACKAGES = "packages";

    private final SyncJobLauncher launcher;
    private final CrmClient crm;
    private final PackageStore packages;
    private final PackageConfig config;
    private final Pool pool;

    public BulkPackageSyncJob(SyncJobLauncher launcher, CrmClient crm, PackageStore packages, PackageConfig config, Pool pool) {
        this.launcher = launcher;
        this.crm = crm;
        this.packages = packages;
        this.config = config;
        this.pool = pool;
    }

    /** Starts a run; it goes on whether or not the caller waits for its result. */
    public Uni<RunHandle<Void>> start(BulkPlan plan, RunTrigger trigger) {
        return launcher.start(new RunRequest(JOB, plan.mode(), trigger), run -> sync(run, plan));
    }

    private record Mapped(UUID profileId, String customerId) {
    }

    /** What the run's batches did so far; batches run concurrently. */
    private static final class Tally {
        final AtomicLong succeeded = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile String firstFailure;
    }

    private Uni<Void> sync(ActiveRun run, BulkPlan plan) {
        Tally tally = new Tally();
        return mappedProfiles(plan)
                .call(profiles -> run.inTransaction(tx -> run.total(tx, profiles.size())))
                .chain(profiles -> Multi.createFrom().iterable(batches(profiles, plan.batchSize()))
                        .onItem().transformToUni(batch -> syncBatch(run, batch, tally))
                        .merge(Math.max(1, config.bulkConcurrency()))
                        .collect().last()
                        .invoke(() -> judge(profiles.size(), tally)))
                .replaceWithVoid();
    }

    /** Failed profiles are each rejected; a run where they are all (or too many) ends as error. */
    private void judge(int total, Tally tally) {
        long failed = tally.failed.get();
        if (total == 0 || failed == 0) {
            return;
        }
        if (tally.succeeded.get() == 0) {
            throw new BulkRunFailed("All " + total + " profiles failed; the first: " + tally.firstFailure);
        }
        if (failed > total * config.bulkMaxFailedShare()) {
            throw new BulkRunFailed(failed + " of " + total + " profiles failed, more than "
                    + Math.round(config.bulkMaxFailedShare() * 100) + " %; the first: " + tally.firstFailure);
        }
    }

    private Uni<List<Mapped>> mappedProfiles(BulkPlan plan) {
        String sql = "select profile_id, crm_customer_id from crm_mapping where status = 'matched'"
                + (plan.onlyNewProfiles() ? " and last_synced_at is null" : "")
                + " order by profile_id" + (plan.maxProfiles() != null ? " limit $1" : "");
        Tuple parameters = plan.maxProfiles() != null ? Tuple.of(plan.maxProfiles()) : Tuple.tuple();
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
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

    private Uni<Void> syncBatch(ActiveRun run, List<Mapped> batch, Tally tally) {
        return crm.packagesOf(batch.stream().map(Mapped::customerId).distinct().toList())
                .chain(list -> write(run, batch, list, List.of(), tally))
                .onFailure().recoverWithUni(batchFailure -> oneByOne(run, batch, tally));
    }

    /** The batch's request failed: each profile on its own, so only the broken ones fail. */
    private Uni<Void> oneByOne(ActiveRun run, List<Mapped> batch, Tally tally) {
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
                                    "Profile " + profile.profileId() + ": " + FailureMessage.of(failure)));
                            return null;
                        }))
                .collect().last()
                .chain(() -> write(run, ok, read, failed, tally));
    }

    private Uni<Void> write(ActiveRun run, List<Mapped> synced, List<CrmPackage> read, List<Rejection> failed, Tally tally) {
        Map<String, List<UUID>> profilesOfCustomer = new HashMap<>();
        synced.forEach(p -> profilesOfCustomer.computeIfAbsent(p.customerId(), c -> new ArrayList<>()).add(p.profileId()));
        Map<UUID, List<CrmPackage>> byProfile = new HashMap<>();
        synced.forEach(p -> byProfile.put(p.profileId(), new ArrayList<>()));
        read.forEach(pkg -> profilesOfCustomer.getOrDefault(pkg.customerId(), List.of())
                .forEach(profile -> byProfile.get(profile).add(pkg)));
        return run.inTransaction(tx -> (byProfile.isEmpty() ? Uni.createFrom().item(0) : packages.replace(tx, byProfile))
                        .call(count -> run.reject(tx, failed))
                        .call(count -> run.count(tx, PACKAGES, count))
                        .call(count -> run.count(tx, new RunCounts(synced.size() + failed.size(), 0, synced.size(), 0,
                                failed.size()))))
                .invoke(() -> {
                    tally.succeeded.addAndGet(synced.size());
                    tally.failed.addAndGet(failed.size());
                    if (!failed.isEmpty() && tally.firstFailure == null) {
                        tally.firstFailure = failed.get(0).reason();
                    }
                })
                .replaceWithVoid();
    }

    /** A bulk run in which too many profiles failed. */
    static final class BulkRunFailed extends RuntimeException {
        BulkRunFailed(String message) {
            super(message);
        }
    }
}
