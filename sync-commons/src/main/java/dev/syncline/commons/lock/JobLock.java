package dev.syncline.commons.lock;

import dev.syncline.commons.config.SynclineConfig;
import dev.syncline.commons.db.DedicatedConnections;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Single flight across replicas: a session-level PostgreSQL advisory lock per job, held on a
 * connection of its own (never one of the work pool's, so runs can never starve their own work)
 * for the whole run. If the process dies, PostgreSQL drops the connection and with it the lock;
 * if the connection drops while the process lives, the lease says so, and the run stops.
 */
@ApplicationScoped
public class JobLock {

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final io.vertx.mutiny.sqlclient.Pool pool;
    private final String schema;

    public JobLock(Vertx vertx, io.vertx.mutiny.sqlclient.Pool pool, SynclineConfig config, DedicatedConnections connections) {
        this.vertx = vertx;
        this.pool = pool;
        this.schema = config.schema();
        this.options = connections.options();
    }

    /**
     * The lease when the lock was free, empty when another run holds it. The attempt runs to its
     * end even if the caller stops waiting, so it can never leave a connection or a lock behind;
     * only {@link dev.syncline.commons.run.SyncJobLauncher} calls it, and it always takes the lease.
     */
    public Uni<Optional<Lease>> tryAcquire(String job) {
        long key = keyOf(job);
        Future<Optional<Lease>> attempt = PgConnection.connect(vertx, options).compose(connection -> connection
                .preparedQuery("select pg_try_advisory_lock($1) as locked").execute(Tuple.of(key))
                .map(rows -> rows.iterator().next().getBoolean("locked"))
                .transform(locked -> {
                    if (locked.succeeded() && locked.result()) {
                        return Future.succeededFuture(Optional.of(new Lease(job, key, connection)));
                    }
                    Future<Optional<Lease>> outcome = locked.succeeded()
                            ? Future.succeededFuture(Optional.empty())
                            : Future.failedFuture(locked.cause());
                    return connection.close().transform(closed -> outcome);
                }));
        return Uni.createFrom().completionStage(() -> attempt.toCompletionStage().toCompletableFuture().copy());
    }

    /** Whether any session, on any replica, holds the job's lock right now. */
    public Uni<Boolean> isHeld(String job) {
        long key = keyOf(job);
        return pool.preparedQuery("""
                        select exists (select 1 from pg_locks
                                       where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())
                                         and classid::bigint = $1 and objid::bigint = $2 and objsubid = 1) as held""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of((key >>> 32) & 0xffffffffL, key & 0xffffffffL))
                .map(rows -> rows.iterator().next().getBoolean("held"));
    }

    /**
     * An SQL condition true while some session holds the advisory lock of the job named by the SQL
     * expression {@code job}; {@code schemaParameter} is the parameter holding the schema (e.g. "$1").
     * It computes the key exactly as {@link #keyOf} does.
     */
    public static String heldCondition(String job, String schemaParameter) {
        return """
                exists (select 1 from pg_locks l,
                               lateral (select ('x' || left(encode(sha256(convert_to(%s || ':' || %s, 'UTF8')), 'hex'), 16))::bit(64)::bigint as k) key
                        where l.locktype = 'advisory' and l.database = (select oid from pg_database where datname = current_database())
                          and l.classid::bigint = (key.k >> 32) & 4294967295 and l.objid::bigint = key.k & 4294967295
                          and l.objsubid = 1)""".formatted(schemaParameter, job);
    }

    /**
     * A stable 64-bit key from schema and job name, so services sharing a database never collide.
     * {@code SyncRunLedger} computes the same key in SQL (the first 8 bytes of the SHA-256, big-endian).
     */
    long keyOf(String job) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((schema + ":" + job).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A held lock on its own connection; release it exactly once when the run ends. */
    public static final class Lease {
        private final String job;
        private final long key;
        private final PgConnection connection;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile Runnable onLost = () -> { };

        Lease(String job, long key, PgConnection connection) {
            this.job = job;
            this.key = key;
            this.connection = connection;
            connection.closeHandler(closed -> {
                if (!released.get()) {
                    Log.errorf("The lock of job %s was lost: its database connection closed", job);
                    onLost.run();
                }
            });
            connection.exceptionHandler(failure -> Log.warnf("The lock connection of job %s failed: %s", job,
                    failure.getMessage()));
        }

        /** Called at most once, on a Vert.x thread, when the connection closes before {@link #release}. */
        public void whenLost(Runnable action) {
            this.onLost = action;
        }

        public Uni<Void> release() {
            if (!released.compareAndSet(false, true)) {
                return Uni.createFrom().voidItem();
            }
            Future<Void> done = connection.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(key))
                    .<Void>mapEmpty()
                    .eventually(() -> connection.close());
            return Uni.createFrom().completionStage(() -> done.toCompletionStage().toCompletableFuture().copy())
                    .onFailure().recoverWithItem(failure -> {
                        // A closed connection released the lock already.
                        Log.debugf("Releasing the lock of %s: %s", job, failure.getMessage());
                        return null;
                    });
        }
    }
}
