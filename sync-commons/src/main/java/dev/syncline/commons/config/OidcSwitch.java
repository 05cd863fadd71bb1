package dev.syncline.commons.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Turns an OIDC tenant (the default one, or a named one such as a service's web-page tenant) off
 * when it has no issuer, so that a service without
 * OIDC_AUTH_SERVER_URL still starts and is opened by the cron secret alone.
 * An explicit quarkus.oidc.tenant-enabled always wins.
 */
public class OidcSwitch implements ConfigSourceInterceptor {

    static final String TENANT_ENABLED = "quarkus.oidc.tenant-enabled";
    static final String AUTH_SERVER_URL = "quarkus.oidc.auth-server-url";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!name.startsWith("quarkus.oidc.") || !name.endsWith(".tenant-enabled") || isExplicit(value)) {
            return value;
        }
        // The default tenant, or a named one (quarkus.oidc.<tenant>.tenant-enabled) by its own issuer.
        String prefix = name.substring(0, name.length() - "tenant-enabled".length());
        ConfigValue url = context.proceed(prefix + "auth-server-url");
        boolean configured = url != null && url.getValue() != null && !url.getValue().isBlank();
        return ConfigValue.builder()
                .withName(name)
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
