package dev.syncline.catalog.shopware;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.catalog.tenant.CredentialCipher;
import dev.syncline.catalog.tenant.Tenant;
import dev.syncline.catalog.tenant.UpstreamHosts;
import dev.syncline.commons.upstream.UpstreamRefused;
import dev.syncline.commons.upstream.Upstreams;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A Shopware client per tenant in api mode, made again when the tenant changes. */
@ApplicationScoped
public class ShopwareClients {

    private final Upstreams upstreams;
    private final CredentialCipher cipher;
    private final ObjectMapper mapper;
    private final UpstreamHosts hosts;
    private final Map<UUID, Built> clients = new ConcurrentHashMap<>();

    public ShopwareClients(Upstreams upstreams, CredentialCipher cipher, ObjectMapper mapper, UpstreamHosts hosts) {
        this.hosts = hosts;
        this.upstreams = upstreams;
        this.cipher = cipher;
        this.mapper = mapper;
    }

    private record Built(OffsetDateTime tenantVersion, ShopwareClient client) {
    }

    public ShopwareClient of(Tenant tenant) {
        return clients.compute(tenant.id(), (id, built) -> built != null && built.tenantVersion().equals(tenant.updatedAt())
                ? built : new Built(tenant.updatedAt(), build(tenant))).client();
    }

    private ShopwareClient build(Tenant tenant) {
        if (!hosts.allowed(tenant.shopwareUrl())) {
            throw new UpstreamRefused("The tenant's Shopware URL names a host outside CATALOG_ALLOWED_UPSTREAM_HOSTS; "
                    + "change the tenant's shopwareUrl or the list");
        }
        ShopwareApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(tenant.shopwareUrl()))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(120, TimeUnit.SECONDS)
                .build(ShopwareApi.class);
        return new ShopwareClient(api, tenant.shopwareClientId(), cipher.decrypt(tenant.shopwareClientSecret()),
                upstreams.instance("shopware", tenant.id().toString(), "Shopware"), mapper);
    }
}
