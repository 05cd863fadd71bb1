package dev.syncline.magento.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.metrics.SyncMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bearer header for Magento: the integration token when one is configured, otherwise an admin
 * token from username/password, kept until shortly before Magento expires it and renewed on 401.
 */
@ApplicationScoped
public class MagentoAuth {

    /** Log in again this long before Magento would expire the admin token. */
    static final Duration RENEW_MARGIN = Duration.ofMinutes(5);

    private final MagentoApi api;
    private final MagentoConfig config;
    private final ObjectMapper mapper;
    private final SyncMetrics metrics;
    private final AtomicReference<AdminToken> adminToken = new AtomicReference<>();

    public MagentoAuth(@RestClient MagentoApi api, MagentoConfig config, ObjectMapper mapper, SyncMetrics metrics) {
        this.api = api;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    public Uni<String> bearer() {
        Optional<String> integrationToken = config.token().filter(t -> !t.isBlank());
        if (integrationToken.isPresent()) {
            return Uni.createFrom().item("Bearer " + integrationToken.get());
        }
        AdminToken current = adminToken.get();
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return Uni.createFrom().item(current.header());
        }
        return login();
    }

    /** Forgets the admin token after Magento refused it; false when there is nothing to renew. */
    public boolean forgetAdminToken() {
        if (config.token().filter(t -> !t.isBlank()).isPresent()) {
            return false;
        }
        adminToken.set(null);
        return true;
    }

    private Uni<String> login() {
        String username = config.username().filter(u -> !u.isBlank()).orElse(null);
        String password = config.password().orElse(null);
        if (username == null || password == null) {
            return Uni.createFrom().failure(new MagentoRefusedException(
                    "No Magento credentials: set MAGENTO_TOKEN, or MAGENTO_USERNAME and MAGENTO_PASSWORD"));
        }
        return api.adminToken(new MagentoApi.AdminCredentials(username, password))
                .invoke(() -> metrics.upstreamCall("magento", 200))
                .map(this::parseToken)
                .map(token -> {
                    Instant renewAt = Instant.now().plus(config.adminTokenLifetime()).minus(RENEW_MARGIN);
                    AdminToken issued = new AdminToken("Bearer " + token, renewAt);
                    adminToken.set(issued);
                    Log.infof("Logged in to Magento as %s", username);
                    return issued.header();
                })
                .onFailure(WebApplicationException.class).transform(e -> loginFailed(username, (WebApplicationException) e))
                .onFailure(ProcessingException.class).transform(e ->
                        new MagentoUnavailableException("Magento login could not be reached: " + e.getMessage(), e));
    }

    private RuntimeException loginFailed(String username, WebApplicationException e) {
        int status = e.getResponse().getStatus();
        metrics.upstreamCall("magento", status);
        if (status >= 500 || status == 429) {
            return new MagentoUnavailableException("Magento login failed with HTTP " + status);
        }
        return new MagentoRefusedException("Magento refused the admin login for user " + username + " (HTTP " + status + ")");
    }

    /** Magento answers a bare JSON string; tolerate a raw token too. */
    private String parseToken(String body) {
        String trimmed = body.trim();
        if (!trimmed.startsWith("\"")) {
            return trimmed;
        }
        try {
            return mapper.readValue(trimmed, String.class);
        } catch (JsonProcessingException e) {
            throw new MagentoUnavailableException("Magento answered the login with an unreadable token");
        }
    }

    private record AdminToken(String header, Instant renewAt) {
        @Override
        public String toString() {
            return "AdminToken[renewAt=" + renewAt + "]";
        }
    }
}
