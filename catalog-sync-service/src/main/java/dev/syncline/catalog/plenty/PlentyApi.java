package dev.syncline.catalog.plenty;

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

/**
 * Plentymarkets REST, the calls a catalog sync makes. Built per tenant (each has its own system);
 * answers are read as responses for their headers (rate limits, the server's clock).
 */
@Path("/rest")
public interface PlentyApi {

    String ACCEPT = "application/json";

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> login(Map<String, String> credentials);

    @POST
    @Path("/login/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> refresh(Map<String, String> refreshToken);

    @GET
    @Path("/categories")
    Uni<Response> categories(@RestQuery Map<String, String> query, @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/items/attributes")
    Uni<Response> attributes(@RestQuery Map<String, String> query, @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/items/attributes/{attributeId}/values")
    Uni<Response> attributeValues(@PathParam("attributeId") long attributeId, @RestQuery Map<String, String> query,
                                  @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/items/sales_prices")
    Uni<Response> salesPrices(@RestQuery Map<String, String> query, @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/items/manufacturers")
    Uni<Response> manufacturers(@RestQuery Map<String, String> query, @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/items/units")
    Uni<Response> units(@RestQuery Map<String, String> query, @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/vat")
    Uni<Response> vat(@RestQuery Map<String, String> query, @HeaderParam("Authorization") String bearer);

    /** The standard VAT configuration of the standard accounting location: one object, not a page. */
    @GET
    @Path("/vat/standard")
    Uni<Response> standardVat(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/items")
    Uni<Response> items(@RestQuery Map<String, String> query, @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/items/variations")
    Uni<Response> variations(@RestQuery Map<String, String> query, @HeaderParam("Authorization") String bearer);
}
