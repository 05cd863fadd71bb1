package dev.syncline.commons.lock;

import dev.syncline.commons.config.SynclineConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Single flight across replicas: a session-level PostgreSQL advisory lock per job, held on a
 * connection of its own for the whole run. If the process dies, PostgreSQL drops the connection
 * and with it the lock, so a crashed run never blocks the next one.
 */
@ApplicationScoped
public class JobLock {

    private final Pool pool;
    private final String schema;

    public JobLock(Pool pool, SynclineConfig config) {
        this.pool = pool;
        this.schema = config.schema();
    }

    /** The lease when the lock was free, empty when another run holds it. */
    public Uni<Optional<Lease>> tryAcquire(String job) {
        long key = keyOf(job);
        return pool.getConnection().chain(connection -> connection
                .preparedQuery("select pg_try_advisory_lock($1) as locked")
                .execute(Tuple.of(key))
                .map(rows -> rows.iterator().next().getBoolean("locked"))
                .onFailure().call(connection::close)
                .chain(locked -> {
                    if (locked) {
                        return Uni.createFrom().item(Optional.of(new Lease(connection, key)));
                    }
                    return connection.close().replaceWith(Optional.<Lease>empty());
                }));
    }

    /** Whether any session, on any replica, holds the job's lock right now. */
    public Uni<Boolean> isHeld(String job) {
        long key = keyOf(job);
        return pool.preparedQuery("""
                        select exists (select 1 from pg_locks
                                       where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())
                                         and classid::bigint = $1 and objid::bigint = $2 and objsubid = 1) as held""")
                .execute(Tuple.of((key >>> 32) & 0xffffffffL, key & 0xffffffffL))
                .map(rows -> rows.iterator().next().getBoolean("held"));
    }

    /** A stable 64-bit key from schema and job name, so services sharing a database never collide. */
    long keyOf(String job) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((schema + ":" + job).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A held lock; release it exactly once when the run ends. */
    public static final class Lease {
        private final SqlConnection connection;
        private final long key;

        Lease(SqlConnection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        public Uni<Void> release() {
            return connection.preparedQuery("select pg_advisory_unlock($1)")
                    .execute(Tuple.of(key))
                    .replaceWithVoid()
                    .onTermination().call(connection::close);
        }
    }
}
