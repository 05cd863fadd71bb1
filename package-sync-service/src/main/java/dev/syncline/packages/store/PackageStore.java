package dev.syncline.packages.store;

import dev.syncline.packages.crm.CrmPackage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes the stored packages of a set of profiles equal to what the CRM holds: one statement
 * upserts them, one removes the packages that vanished from the CRM, one stamps the profiles as
 * synced; all inside the caller's transaction.
 */
@ApplicationScoped
public class PackageStore {

    private static final String UPSERT = """
            insert into profile_package (profile_id, crm_package_id, package_type, package_name, purchase_date,
                                         first_use_date, expiration_date, total_hours, used_hours, remaining_hours,
                                         total_sessions, used_sessions, remaining_sessions, status, synced_at)
            select profile_id, crm_package_id, package_type, package_name, purchase_date::date, first_use_date::date,
                   expiration_date::date, total_hours::numeric, used_hours::numeric, remaining_hours::numeric,
                   total_sessions, used_sessions, remaining_sessions, status, now()
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::text[], $10::text[], $11::int4[], $12::int4[], $13::int4[], $14::text[])
                as t(profile_id, crm_package_id, package_type, package_name, purchase_date, first_use_date,
                     expiration_date, total_hours, used_hours, remaining_hours, total_sessions, used_sessions,
                     remaining_sessions, status)
            on conflict (profile_id, crm_package_id) do update set
                package_type = excluded.package_type, package_name = excluded.package_name,
                purchase_date = excluded.purchase_date, first_use_date = excluded.first_use_date,
                expiration_date = excluded.expiration_date, total_hours = excluded.total_hours,
                used_hours = excluded.used_hours, remaining_hours = excluded.remaining_hours,
                total_sessions = excluded.total_sessions, used_sessions = excluded.used_sessions,
                remaining_sessions = excluded.remaining_sessions, status = excluded.status, synced_at = now()""";

    private static final String REMOVE_VANISHED = """
            delete from profile_package p
            where p.profile_id = any($1::uuid[])
              and not exists (select 1 from unnest($2::uuid[], $3::text[]) as k(profile_id, crm_package_id)
                              where k.profile_id = p.profile_id and k.crm_package_id = p.crm_package_id)""";

    /** @return how many packages the profiles now have */
    public Uni<Integer> replace(SqlClient tx, Map<UUID, List<CrmPackage>> packagesByProfile) {
        List<UUID> owners = new ArrayList<>();
        List<CrmPackage> packages = new ArrayList<>();
        packagesByProfile.forEach((profile, list) -> list.forEach(p -> {
            owners.add(profile);
            packages.add(p);
        }));
        UUID[] profiles = packagesByProfile.keySet().toArray(new UUID[0]);
        UUID[] ownerIds = owners.toArray(new UUID[0]);
        String[] packageIds = packages.stream().map(CrmPackage::id).toArray(String[]::new);
        Uni<Void> upsert = packages.isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery(UPSERT).execute(Tuple.from(columns(ownerIds, packageIds, packages))).replaceWithVoid();
        return upsert
                .chain(() -> tx.preparedQuery(REMOVE_VANISHED).execute(Tuple.of(profiles, ownerIds, packageIds)))
                .chain(() -> tx.preparedQuery("update crm_mapping set last_synced_at = now() where profile_id = any($1::uuid[])")
                        .execute(Tuple.of((Object) profiles)))
                .replaceWith(packages.size());
    }

    private static Object[] columns(UUID[] owners, String[] ids, List<CrmPackage> packages) {
        return new Object[] {owners, ids,
                packages.stream().map(CrmPackage::packageType).toArray(String[]::new),
                packages.stream().map(CrmPackage::packageName).toArray(String[]::new),
                packages.stream().map(CrmPackage::purchaseDate).toArray(String[]::new),
                packages.stream().map(CrmPackage::firstUseDate).toArray(String[]::new),
                packages.stream().map(CrmPackage::expirationDate).toArray(String[]::new),
                packages.stream().map(p -> text(p.totalHours())).toArray(String[]::new),
                packages.stream().map(p -> text(p.usedHours())).toArray(String[]::new),
                packages.stream().map(p -> text(p.remainingHours())).toArray(String[]::new),
                packages.stream().map(CrmPackage::totalSessions).toArray(Integer[]::new),
                packages.stream().map(CrmPackage::usedSessions).toArray(Integer[]::new),
                packages.stream().map(CrmPackage::remainingSessions).toArray(Integer[]::new),
                packages.stream().map(CrmPackage::status).toArray(String[]::new)};
    }

    private static String text(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
