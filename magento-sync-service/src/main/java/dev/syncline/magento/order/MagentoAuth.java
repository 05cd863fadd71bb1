package dev.syncline.magento.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.UpstreamRefused;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bearer header for Magento: the integration token when one is configured, otherwise an admin
 * token from username/password, kept until shortly before Magento expires it and renewed on 401.
 */
final class MagentoAuth {

    private final MagentoApi api;
    private final MagentoConfig config;
    private final ObjectMapper mapper;
    private final Upstream magento;
    private final AtomicReference<AdminToken> adminToken = new AtomicReference<>();

    MagentoAuth(MagentoApi api, MagentoConfig config, ObjectMapper mapper, Upstream magento) {
        this.api = api;
        this.config = config;
        this.mapper = mapper;
        this.magento = magento;
    }

    Uni<String> bearer() {
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
    boolean forgetAdminToken() {
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
            return Uni.createFrom().failure(new UpstreamRefused(
                    "No Magento credentials: set MAGENTO_TOKEN, or MAGENTO_USERNAME and MAGENTO_PASSWORD"));
        }
        return api.adminToken(new MagentoApi.AdminCredentials(username, password))
                .invoke(() -> magento.answered(200))
                .map(this::parseToken)
                .map(token -> {
                    AdminToken issued = new AdminToken("Bearer " + token,
                            Instant.now().plus(config.adminTokenLifetime()).minus(config.adminTokenRenewMargin()));
                    adminToken.set(issued);
                    Log.infof("Logged in to Magento as %s", username);
                    return issued.header();
                })
                .onFailure().transform(e -> refusedLogin(e, username));
    }

    private RuntimeException refusedLogin(Throwable e, String username) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() == 401) {
            magento.answered(401);
            return new UpstreamRefused("Magento refused the admin login for user " + username + " (HTTP 401)");
        }
        return magento.failure(e);
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
            throw magento.unreadable("a login answer", e);
        }
    }

    private record AdminToken(String header, Instant renewAt) {
        @Override
        public String toString() {
            return "AdminToken[renewAt=" + renewAt + "]";
        }
    }
}
