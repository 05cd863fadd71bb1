package dev.syncline.magento.order;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Magento 2 REST, the two calls the order sync makes. */
@RegisterRestClient(configKey = "magento")
@Path("/rest/V1")
interface MagentoApi {

    /** Answers the token as a bare JSON string. */
    @POST
    @Path("/integration/admin/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> adminToken(AdminCredentials credentials);

    /** One keyset page: orders with entity_id greater than {@code afterEntityId}, ascending. Raw bytes; parsed by {@link MagentoClient}. */
    @GET
    @Path("/orders")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<byte[]> orders(@HeaderParam("Authorization") String authorization,
                       @QueryParam("searchCriteria[filter_groups][0][filters][0][field]") String filterField,
                       @QueryParam("searchCriteria[filter_groups][0][filters][0][value]") long afterEntityId,
                       @QueryParam("searchCriteria[filter_groups][0][filters][0][condition_type]") String condition,
                       @QueryParam("searchCriteria[sortOrders][0][field]") String sortField,
                       @QueryParam("searchCriteria[sortOrders][0][direction]") String direction,
                       @QueryParam("searchCriteria[pageSize]") int pageSize,
                       @QueryParam("searchCriteria[currentPage]") int currentPage);

    /** One keyset page inside a range: entity_id greater than {@code afterEntityId} and at most {@code upToEntityId}, ascending. */
    @GET
    @Path("/orders")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<byte[]> ordersBetween(@HeaderParam("Authorization") String authorization,
                              @QueryParam("searchCriteria[filter_groups][0][filters][0][field]") String afterField,
                              @QueryParam("searchCriteria[filter_groups][0][filters][0][value]") long afterEntityId,
                              @QueryParam("searchCriteria[filter_groups][0][filters][0][condition_type]") String afterCondition,
                              @QueryParam("searchCriteria[filter_groups][1][filters][0][field]") String upToField,
                              @QueryParam("searchCriteria[filter_groups][1][filters][0][value]") long upToEntityId,
                              @QueryParam("searchCriteria[filter_groups][1][filters][0][condition_type]") String upToCondition,
                              @QueryParam("searchCriteria[sortOrders][0][field]") String sortField,
                              @QueryParam("searchCriteria[sortOrders][0][direction]") String direction,
                              @QueryParam("searchCriteria[pageSize]") int pageSize,
                              @QueryParam("searchCriteria[currentPage]") int currentPage);

    record AdminCredentials(String username, String password) {
        @Override
        public String toString() {
            return "AdminCredentials[username=" + username + ", password=***]";
        }
    }
}
