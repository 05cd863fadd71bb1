package dev.syncline.migration.woo;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;

/** WooCommerce REST v3, the calls a migration makes; answers are read as responses for their paging headers. */
@Path("/wp-json/wc/v3")
public interface WooApi {

    @GET
    @Path("/{collection}")
    Uni<Response> list(@PathParam("collection") String collection, @RestQuery Map<String, String> query,
                       @HeaderParam("Authorization") String basic);

    @POST
    @Path("/{collection}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(@PathParam("collection") String collection, Object body, @HeaderParam("Authorization") String basic);
}
