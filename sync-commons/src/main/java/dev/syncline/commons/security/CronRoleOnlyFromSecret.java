package dev.syncline.commons.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The cron role opens triggers and hooks; only the cron secret grants it. A token whose groups
 * (or realm roles) name it anyway gets every other role it carries, but not that one.
 */
@ApplicationScoped
public class CronRoleOnlyFromSecret implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.CRON)
                || Boolean.TRUE.equals(identity.getAttribute(CronSecretAuthMechanism.FROM_CRON_SECRET))) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder withoutCron = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        identity.getRoles().stream().filter(role -> !Roles.CRON.equals(role)).forEach(withoutCron::addRole);
        return Uni.createFrom().item(withoutCron.build());
    }
}
