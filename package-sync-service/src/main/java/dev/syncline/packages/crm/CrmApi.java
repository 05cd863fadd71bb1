package dev.syncline.packages.crm;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;

/** PostgREST reads: a table, filters as query parameters, a Range of rows, an exact count in Content-Range. */
@RegisterRestClient(configKey = "crm")
@Path("/rest/v1")
interface CrmApi {

    @GET
    @Path("/{table}")
    Uni<Response> read(@PathParam("table") String table,
                       @RestQuery Map<String, String> query,
                       @HeaderParam("apikey") String apiKey,
                       @HeaderParam("Authorization") String authorization,
                       @HeaderParam("Range") String range,
                       @HeaderParam("Prefer") String prefer);
}
