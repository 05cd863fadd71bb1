package dev.syncline.commons.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Query parameters with a NUL character (%00) are refused before any endpoint sees them:
 * PostgreSQL cannot store one, so such a value would only fail later, or start a run that fails.
 */
public class ParameterChecks {

    @ServerRequestFilter(preMatching = true)
    public Response refuseNulCharacters(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            boolean nul = parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0);
            if (nul) {
                String name = parameter.getKey().replace("\0", "\\0");
                return Problem.invalidField(name, "Query parameter '" + name + "' must not contain a NUL character (%00)")
                        .toResponse();
            }
        }
        return null;
    }
}
