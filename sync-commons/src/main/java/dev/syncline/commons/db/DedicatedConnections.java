package dev.syncline.commons.db;

import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.pgclient.PgConnectOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Where connections that live outside the work pool connect: job locks and the trigger listener
 * each hold one for a long time, so they must never take a pooled connection away from the work.
 */
@ApplicationScoped
public class DedicatedConnections {

    private final PgConnectOptions options;

    public DedicatedConnections(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        PgConnectOptions connect = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url);
        user.ifPresent(connect::setUser);
        password.filter(p -> !p.isEmpty()).ifPresent(connect::setPassword);
        this.options = connect.setConnectTimeout(5_000).setTcpKeepAlive(true);
    }

    /** A copy: callers may adjust it for their own connection. */
    public PgConnectOptions options() {
        return new PgConnectOptions(options);
    }
}
