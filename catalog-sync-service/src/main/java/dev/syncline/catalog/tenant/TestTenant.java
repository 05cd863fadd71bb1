package dev.syncline.catalog.tenant;

import dev.syncline.catalog.CatalogConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/**
 * The default test tenant (the seed's {@code 00000000-0000-0000-0000-000000000001}) on the sandbox:
 * created through {@code POST /api/tenants/test-tenant}, or at start when
 * CATALOG_TEST_TENANT_SANDBOX_URL is set (never changing a tenant that exists).
 */
@ApplicationScoped
public class TestTenant {

    static final String DEFAULT_SANDBOX = "http://localhost:8090";

    /** The test tenant's fields: the sandbox's Plenty and Shopware "main" systems and their fixed credentials. */
    static TenantRequest on(String sandboxUrl, String shopwareMode) {
        String sandbox = sandboxUrl.replaceAll("/+$", "");
        return new TenantRequest(null, "Syncline test tenant", sandbox + "/plenty/main", "sandbox-plenty",
                "sandbox-plenty-password", shopwareMode, sandbox + "/shopware/main", "SWIASANDBOXCLIENT", "sandbox-shopware-secret",
                "de", true, null, null, null, null, null, null, null, null);
    }

    void createAtStart(@Observes StartupEvent start, CatalogConfig config, TenantStore tenants, CredentialCipher cipher,
                       UpstreamHosts hosts) {
        config.testTenantSandboxUrl().filter(url -> !url.isBlank()).ifPresent(url -> {
            if (!url.matches("https?://\\S+") || !config.testTenantShopwareMode().matches("api|mock")) {
                throw new IllegalStateException("CATALOG_TEST_TENANT_SANDBOX_URL must be an http(s) URL and "
                        + "CATALOG_TEST_TENANT_SHOPWARE_MODE api or mock");
            }
            boolean created = tenants.find(Tenant.TEST_TENANT)
                    .chain(existing -> existing.isPresent() ? Uni.createFrom().item(false)
                            : tenants.save(on(url, config.testTenantShopwareMode()).toTenant(Tenant.TEST_TENANT, null, cipher, hosts))
                                    .replaceWith(true))
                    .await().atMost(Duration.ofSeconds(30));
            Log.infof(created ? "Created the test tenant %s on the sandbox %s" : "The test tenant %s exists; left as it is",
                    Tenant.TEST_TENANT, url);
        });
    }
}
