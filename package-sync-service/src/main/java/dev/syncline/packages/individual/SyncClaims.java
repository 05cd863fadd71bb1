package dev.syncline.packages.individual;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who syncs which profile now. A claim is a lease on the profile row (taken with FOR UPDATE SKIP
 * LOCKED, so replicas never take the same one); it ends when the sync ends, or when its lease
 * runs out because the replica died.
 */
@ApplicationScoped
public class SyncClaims {

    private final Pool pool;

    public SyncClaims(Pool pool) {
        this.pool = pool;
    }

    /** A profile this replica may sync until the lease ends; {@code at} tells later requests from earlier ones. */
    public record Claim(UUID profileId, OffsetDateTime at) {
    }

    /** Up to {@code limit} profiles whose sync was requested, oldest request first. */
    public Uni<List<Claim>> claimRequested(int limit, Duration lease) {
        return pool.preparedQuery("""
                        update profile set sync_claimed_at = clock_timestamp(),
                               sync_claimed_until = now() + $2 * interval '1 millisecond'
                        where id in (select id from profile
                                     where sync_requested_at <= now()
                                       and (sync_claimed_until is null or sync_claimed_until < now())
                                     order by sync_requested_at limit $1 for update skip locked)
                        returning id, sync_claimed_at""")
                .execute(Tuple.of(limit, lease.toMillis()))
                .map(SyncClaims::claims);
    }

    /** This one profile, unless its sync runs already (empty then). */
    public Uni<Optional<Claim>> claim(UUID profileId, Duration lease) {
        return pool.preparedQuery("""
                        update profile set sync_claimed_at = clock_timestamp(),
                               sync_claimed_until = now() + $2 * interval '1 millisecond'
                        where id = $1 and (sync_claimed_until is null or sync_claimed_until < now())
                        returning id, sync_claimed_at""")
                .execute(Tuple.of(profileId, lease.toMillis()))
                .map(rows -> claims(rows).stream().findFirst());
    }

    /** The sync is done: the request it served is cleared, unless a newer one arrived meanwhile. */
    public Uni<Void> succeeded(Claim claim) {
        return pool.preparedQuery("""
                        update profile set sync_claimed_until = null, sync_failures = 0, last_sync_error = null,
                               sync_requested_at = case when sync_requested_at > $2 then sync_requested_at end
                        where id = $1""")
                .execute(Tuple.of(claim.profileId(), claim.at()))
                .replaceWithVoid();
    }

    /** The sync failed: tried again a little later, until it failed {@code maxFailures} times in a row. */
    public Uni<Void> failed(Claim claim, String reason, int maxFailures) {
        return pool.preparedQuery("""
                        update profile set sync_claimed_until = null, sync_failures = sync_failures + 1,
                               last_sync_error = $3,
                               sync_requested_at = case when sync_requested_at > $2 then sync_requested_at
                                                        when sync_failures + 1 >= $4 then null
                                                        else now() + (sync_failures + 1) * interval '30 seconds' end
                        where id = $1""")
                .execute(Tuple.of(claim.profileId(), claim.at(), reason, maxFailures))
                .replaceWithVoid();
    }

    private static List<Claim> claims(RowSet<Row> rows) {
        List<Claim> claims = new ArrayList<>();
        rows.forEach(row -> claims.add(new Claim(row.getUUID("id"), row.getOffsetDateTime("sync_claimed_at"))));
        return claims;
    }
}
