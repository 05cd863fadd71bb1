package dev.syncline.catalog.plenty;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.catalog.CatalogConfig;
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

/** A Plenty client per tenant, made again when the tenant changes (new URL or credentials). */
@ApplicationScoped
public class PlentyClients {

    private final Upstreams upstreams;
    private final CredentialCipher cipher;
    private final ObjectMapper mapper;
    private final CatalogConfig config;
    private final UpstreamHosts hosts;
    private final Map<UUID, Built> clients = new ConcurrentHashMap<>();

    public PlentyClients(Upstreams upstreams, CredentialCipher cipher, ObjectMapper mapper, CatalogConfig config,
                         UpstreamHosts hosts) {
        this.hosts = hosts;
        this.upstreams = upstreams;
        this.cipher = cipher;
        this.mapper = mapper;
        this.config = config;
    }

    private record Built(OffsetDateTime tenantVersion, PlentyClient client) {
    }

    public PlentyClient of(Tenant tenant) {
        return clients.compute(tenant.id(), (id, built) -> built != null && built.tenantVersion().equals(tenant.updatedAt())
                ? built : new Built(tenant.updatedAt(), build(tenant))).client();
    }

    private PlentyClient build(Tenant tenant) {
        if (!hosts.allowed(tenant.plentyUrl())) {
            throw new UpstreamRefused("The tenant's Plentymarkets URL names a host outside CATALOG_ALLOWED_UPSTREAM_HOSTS; "
                    + "change the tenant's plentyUrl or the list");
        }
        PlentyApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(tenant.plentyUrl()))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .build(PlentyApi.class);
        return new PlentyClient(api, tenant.plentyUsername(), cipher.decrypt(tenant.plentyPassword()),
                upstreams.instance("plenty", tenant.id().toString(), "Plentymarkets"), mapper, config.plentyMinCallsLeft());
    }
}
