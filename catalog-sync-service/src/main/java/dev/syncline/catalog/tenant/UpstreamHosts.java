package dev.syncline.catalog.tenant;

import dev.syncline.catalog.CatalogConfig;
import dev.syncline.commons.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hosts a tenant's Plenty and Shopware URLs may name. Tenant URLs are set by admins and
 * trusted as such; CATALOG_ALLOWED_UPSTREAM_HOSTS narrows them to a list (unset: any host). A URL
 * never carries credentials of its own: those are the tenant's encrypted secrets.
 */
@ApplicationScoped
public class UpstreamHosts {

    private final Optional<Set<String>> allowed;

    public UpstreamHosts(CatalogConfig config) {
        this.allowed = config.allowedUpstreamHosts().map(hosts -> hosts.stream()
                .map(host -> host.trim().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).collect(Collectors.toSet()));
    }

    /** Refuses, naming {@code field}, a URL with user info or with a host outside the allow-list. */
    public void check(String field, String url) {
        if (url == null) {
            return;
        }
        URI uri = parse(field, url);
        if (uri.getRawUserInfo() != null) {
            throw new InvalidRequestException(field, field + " must not carry a user name or password; "
                    + "credentials are given in their own fields and stored encrypted");
        }
        if (!allowed(uri)) {
            throw new InvalidRequestException(field, field + "'s host " + uri.getHost()
                    + " is not one of CATALOG_ALLOWED_UPSTREAM_HOSTS");
        }
    }

    /** Whether a stored tenant URL may still be called (the allow-list may have changed since it was stored). */
    public boolean allowed(String url) {
        try {
            return allowed(new URI(url));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean allowed(URI uri) {
        return allowed.isEmpty() || (uri.getHost() != null && allowed.get().contains(uri.getHost().toLowerCase(Locale.ROOT)));
    }

    /** Same scheme, host and port: a stored secret may go on being sent there. */
    static boolean sameOrigin(String one, String other) {
        if (one == null || other == null) {
            return false;
        }
        try {
            URI a = new URI(one);
            URI b = new URI(other);
            return a.getScheme() != null && a.getHost() != null
                    && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI parse(String field, String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null) {
                throw new InvalidRequestException(field, field + " must be an http(s) URL with a host name");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(field, field + " is not a valid URL: " + e.getReason());
        }
    }
}
