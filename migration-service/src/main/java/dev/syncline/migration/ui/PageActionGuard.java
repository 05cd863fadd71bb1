package dev.syncline.migration.ui;

import dev.syncline.commons.problem.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pages' own actions (a POST under {@code /customer-sync/} or {@code /order-sync/}) are opened
 * by the login's session cookie, which a browser also attaches to a request that a page of
 * another origin on the same site sends. Such a request is refused before it is read or
 * authenticated: it must declare its body's type (no guessing JSON, as the API does for
 * schedulers), carry {@value #PAGE_HEADER}, which another origin's page cannot add without a CORS
 * preflight that this service never grants, and, where the browser says where it comes from
 * (Origin, Sec-Fetch-Site), come from this very origin.
 */
public class PageActionGuard {

    static final String PAGE_HEADER = "X-Requested-With";
    private static final Pattern ACTION = Pattern.compile("/(customer-sync|order-sync)/.+");
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** Before the API's own filter reads a body without Content-Type as JSON, and before authentication. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> refuseCrossSite(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || !ACTION.matcher(request.getUriInfo().getPath()).matches()) {
            return Optional.empty();
        }
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            return refuse(415, "Unsupported Media Type", HttpHeaders.CONTENT_TYPE,
                    "Send the body as application/json with a Content-Type header");
        }
        if (request.getHeaderString(PAGE_HEADER) == null) {
            return refuse(403, "Forbidden", PAGE_HEADER, "The pages' actions are called by the page's own script, which sends "
                    + PAGE_HEADER + "; use the API under /api with a bearer token instead");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameOrigin(origin, request.getUriInfo().getBaseUri())) {
            return refuse(403, "Forbidden", "Origin", "A page of another origin (" + shown(origin) + ") may not use this page's actions");
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !"same-origin".equals(site)) {
            return refuse(403, "Forbidden", "Sec-Fetch-Site", "A request the browser marks as " + shown(site)
                    + " may not use this page's actions; only the page itself (same-origin) may");
        }
        return Optional.empty();
    }

    /** Scheme, host and port as the service sees itself (behind a proxy, as forwarded when that is enabled). */
    static boolean sameOrigin(String origin, URI self) {
        try {
            URI from = URI.create(origin);
            return from.getScheme() != null && from.getHost() != null
                    && from.getScheme().equalsIgnoreCase(self.getScheme())
                    && from.getHost().toLowerCase(Locale.ROOT).equals(self.getHost().toLowerCase(Locale.ROOT))
                    && port(from) == port(self);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String shown(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    private static Optional<Response> refuse(int status, String title, String header, String detail) {
        return Optional.of(new Problem("about:blank", title, status, detail, header, null, Instant.now(), null).toResponse());
    }
}
