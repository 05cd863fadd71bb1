package dev.syncline.migration.shopify;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Shopify's Admin GraphQL endpoint. */
@Path("/admin/api/{version}")
public interface ShopifyApi {

    @POST
    @Path("/graphql.json")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> graphql(@PathParam("version") String version, @HeaderParam("X-Shopify-Access-Token") String token,
                          Map<String, Object> request);
}
