package dev.syncline.packages.profile;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Profiles, the requests to sync them, and their CRM mappings. */
@ApplicationScoped
public class ProfileStore {

    /**
     * Asks for a sync of a profile: a pending request keeps its place in the queue; a profile whose
     * sync runs right now gets a new request, so a sync follows that sees the latest login.
     */
    private static final String REQUEST_SYNC = """
            sync_requested_at = case when profile.sync_claimed_until > now() then now()
                                     else coalesce(profile.sync_requested_at, now()) end,
            sync_failures = 0""";

    /** After REQUEST_SYNC: whether a sync was pending (the request kept its earlier time) or is running. */
    private static final String WAS_BUSY = "sync_requested_at <> now() or coalesce(sync_claimed_until > now(), false) as busy";

    private final Pool pool;

    public ProfileStore(Pool pool) {
        this.pool = pool;
    }

    /** Keeps the profile and requests its sync; true when a sync was already pending or running. */
    public Uni<Boolean> upsertOnLogin(Profile profile) {
        return pool.preparedQuery("""
                        insert into profile (id, email, phone, name, last_login_at, sync_requested_at)
                        values ($1, $2, $3, $4, now(), now())
                        on conflict (id) do update set email = coalesce(excluded.email, profile.email),
                               phone = coalesce(excluded.phone, profile.phone), name = coalesce(excluded.name, profile.name),
                               updated_at = now(), last_login_at = now(), %s
                        returning %s""".formatted(REQUEST_SYNC, WAS_BUSY))
                .execute(Tuple.of(profile.id(), profile.email(), profile.phone(), profile.name()))
                .map(rows -> rows.iterator().next().getBoolean("busy"));
    }

    /** Requests a sync of a known profile: empty when there is no such profile, else whether one was already pending. */
    public Uni<Optional<Boolean>> requestSync(UUID id) {
        return pool.preparedQuery("""
                        update profile set %s where id = $1
                        returning %s""".formatted(REQUEST_SYNC, WAS_BUSY))
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBoolean("busy")));
    }

    public Uni<Optional<Profile>> find(UUID id) {
        return pool.preparedQuery("select id, email, phone, name from profile where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toProfile(rows.iterator().next())));
    }

    public Uni<Optional<CrmMatch>> mapping(UUID profileId) {
        return pool.preparedQuery("select status, crm_customer_id, matched_by, note from crm_mapping where profile_id = $1")
                .execute(Tuple.of(profileId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new CrmMatch(row.getString("status"), row.getString("crm_customer_id"),
                            row.getString("matched_by"), row.getString("note")));
                });
    }

    public Uni<Void> saveMapping(UUID profileId, CrmMatch match) {
        return pool.preparedQuery("""
                        insert into crm_mapping (profile_id, crm_customer_id, status, matched_by, note) values ($1, $2, $3, $4, $5)
                        on conflict (profile_id) do update set crm_customer_id = excluded.crm_customer_id,
                               status = excluded.status, matched_by = excluded.matched_by, note = excluded.note,
                               matched_at = now()""")
                .execute(Tuple.of(profileId, match.crmCustomerId(), match.status(), match.matchedBy(), match.note()))
                .replaceWithVoid();
    }

    private static Profile toProfile(Row row) {
        return new Profile(row.getUUID("id"), row.getString("email"), row.getString("phone"), row.getString("name"));
    }
}
