package dev.syncline.catalog.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The Shopware 6 Admin API, the calls a catalog sync makes. Built per tenant (each has its own shop). */
@Path("/api")
public interface ShopwareApi {

    @POST
    @Path("/oauth/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> token(JsonNode clientCredentials);

    /**
     * Upserts in one request; {@code indexing-behavior: use-queue-indexing} leaves indexing to
     * Shopware's queue. Translated fields are written in the language {@code sw-language-id}
     * names (absent: the system language).
     */
    @POST
    @Path("/_action/sync")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> sync(@HeaderParam("Authorization") String bearer, @HeaderParam("indexing-behavior") String indexing,
                       @HeaderParam("sw-language-id") String languageId, JsonNode operations);

    /**
     * A file for a media entity: {@code {"url"}} makes Shopware download it; {@code extension} is
     * required, {@code fileName} must be unique in the shop. 204 when stored.
     */
    @POST
    @Path("/_action/media/{mediaId}/upload")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> upload(@HeaderParam("Authorization") String bearer, @jakarta.ws.rs.PathParam("mediaId") String mediaId,
                         @jakarta.ws.rs.QueryParam("extension") String extension, @jakarta.ws.rs.QueryParam("fileName") String fileName,
                         JsonNode source);

    /** A search with Shopware's criteria (filter, limit, page, includes); answers {total, data}. */
    @POST
    @Path("/search/{entity}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> search(@HeaderParam("Authorization") String bearer, @jakarta.ws.rs.PathParam("entity") String entity,
                         JsonNode criteria);
}
