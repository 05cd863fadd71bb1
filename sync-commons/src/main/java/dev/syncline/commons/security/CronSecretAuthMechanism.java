package dev.syncline.commons.security;

import dev.syncline.commons.config.SynclineConfig;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts {@code Authorization: Bearer <CRON_SECRET>} for external schedulers (pg_cron, CronJob, curl).
 * Runs before OIDC; any other bearer value is left to OIDC. With no secret configured it accepts nothing.
 */
@ApplicationScoped
@Priority(HttpAuthenticationMechanism.DEFAULT_PRIORITY + 100)
public class CronSecretAuthMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    /** Set on the identity this mechanism creates; only such an identity may keep the cron role. */
    static final String FROM_CRON_SECRET = "syncline.cron-secret";

    private final Optional<CronSecret> secret;

    public CronSecretAuthMechanism(SynclineConfig config) {
        this.secret = config.cronSecret().filter(s -> !s.isBlank()).map(CronSecret::new);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (secret.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String presented = header.substring(BEARER.length()).trim();
        if (!secret.get().matches(presented)) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity cron = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("cron"))
                .addRole(Roles.CRON)
                .addAttribute(FROM_CRON_SECRET, Boolean.TRUE)
                .build();
        return Uni.createFrom().item(cron);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // No challenge of its own: OIDC's applies (the Bearer challenge, or the login redirect on a
        // web-page path), and ProblemMappers answers 401 with the Bearer challenge when OIDC is off.
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Collections.emptySet();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
