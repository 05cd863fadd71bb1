package dev.syncline.commons.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * External schedulers often POST with no body and no (or any) Content-Type ({@code curl -X POST …});
 * such a request is read as JSON, so an empty body means "all defaults" instead of 415.
 */
public class MissingContentType {

    @ServerRequestFilter(preMatching = true)
    public void assumeJson(ContainerRequestContext request) {
        boolean untyped = request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null;
        boolean empty = request.getLength() == 0;
        if ((untyped || empty) && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
