package dev.syncline.commons.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OidcSwitchTest {

    @Test
    void tenantIsOffWithoutAnIssuer() {
        assertEquals("false", tenantEnabled(Map.of()));
        assertEquals("false", tenantEnabled(Map.of(OidcSwitch.AUTH_SERVER_URL, "")));
    }

    @Test
    void tenantIsOnWithAnIssuer() {
        assertEquals("true", tenantEnabled(Map.of(OidcSwitch.AUTH_SERVER_URL, "https://sso.example.com/realms/shop")));
    }

    @Test
    void anExplicitSettingWins() {
        assertEquals("false", tenantEnabled(Map.of(OidcSwitch.AUTH_SERVER_URL, "https://sso.example.com/realms/shop",
                OidcSwitch.TENANT_ENABLED, "false")));
    }

    private static String tenantEnabled(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withInterceptors(new OidcSwitch())
                .build();
        return config.getRawValue(OidcSwitch.TENANT_ENABLED);
    }
}
