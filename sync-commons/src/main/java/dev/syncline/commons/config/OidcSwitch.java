package dev.syncline.commons.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Turns the default OIDC tenant off when no issuer is configured, so that a service without
 * OIDC_AUTH_SERVER_URL still starts and is opened by the cron secret alone.
 * An explicit quarkus.oidc.tenant-enabled always wins.
 */
public class OidcSwitch implements ConfigSourceInterceptor {

    static final String TENANT_ENABLED = "quarkus.oidc.tenant-enabled";
    static final String AUTH_SERVER_URL = "quarkus.oidc.auth-server-url";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!TENANT_ENABLED.equals(name) || isExplicit(value)) {
            return value;
        }
        ConfigValue url = context.proceed(AUTH_SERVER_URL);
        boolean configured = url != null && url.getValue() != null && !url.getValue().isBlank();
        return ConfigValue.builder()
                .withName(TENANT_ENABLED)
                .withValue(Boolean.toString(configured))
                .withConfigSourceName("syncline-oidc-switch")
                .build();
    }

    /** Set by someone, not just the OIDC extension's built-in default (which has the lowest ordinal). */
    private static boolean isExplicit(ConfigValue value) {
        return value != null && value.getConfigSourceOrdinal() > Integer.MIN_VALUE
                && (value.getConfigSourceName() == null || !value.getConfigSourceName().contains("DefaultValues"));
    }
}
