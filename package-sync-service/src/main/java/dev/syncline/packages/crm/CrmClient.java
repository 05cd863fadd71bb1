package dev.syncline.packages.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.upstream.Upstream;
import dev.syncline.commons.upstream.Upstreams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads from the CRM: every matching row, page after page, ordered by id. PostgREST silently caps
 * a response (1000 rows by default), so one response is never trusted to hold everything: reading
 * goes on until the exact count in Content-Range is reached. Each page is called under the CRM's
 * upstream policy ({@code syncline.upstream.crm.*}).
 */
@ApplicationScoped
public class CrmClient {

    private final CrmApi api;
    private final CrmConfig config;
    private final ObjectMapper mapper;
    private final Upstream crm;

    public CrmClient(@RestClient CrmApi api, CrmConfig config, ObjectMapper mapper, Upstreams upstreams) {
        this.api = api;
        this.config = config;
        this.mapper = mapper;
        this.crm = upstreams.named("crm", "The CRM");
    }

    public Uni<List<CrmCustomer>> customersWhere(String column, String condition) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("select", "id,email,phone,name");
        query.put(column, condition);
        return readAll(config.customersTable(), query)
                .map(rows -> rows.stream().map(CrmCustomer::of).toList());
    }

    /** The packages of these CRM customers, in one paged read. */
    public Uni<List<CrmPackage>> packagesOf(List<String> customerIds) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("customer_id", "in.(" + String.join(",", customerIds.stream().map(CrmClient::quoted).toList()) + ")");
        return readAll(config.packagesTable(), query).map(rows -> rows.stream().map(CrmPackage::of).toList());
    }

    private Uni<List<JsonNode>> readAll(String table, Map<String, String> filters) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("order", "id.asc");
        return readFrom(table, query, 0, new ArrayList<>());
    }

    private Uni<List<JsonNode>> readFrom(String table, Map<String, String> query, long from, List<JsonNode> read) {
        return page(table, query, from, config.pageSize()).chain(page -> {
            read.addAll(page.rows());
            boolean more = page.total() == null
                    ? page.rows().size() == config.pageSize()
                    : read.size() < page.total() && !page.rows().isEmpty();
            return more ? readFrom(table, query, from + page.rows().size(), read) : Uni.createFrom().item(read);
        });
    }

    /** Rows {@code from} to {@code from + size - 1} (the server may send fewer) and the exact total. */
    private Uni<CrmPage> page(String table, Map<String, String> query, long from, int size) {
        return crm.call(() -> api.read(table, query, config.key(), "Bearer " + config.key(),
                        from + "-" + (from + size - 1), "count=exact")
                .map(this::toPage)
                .onFailure().transform(crm::failure));
    }

    private CrmPage toPage(Response response) {
        if (response.getStatus() >= 400) {
            throw crm.status(response.getStatus(), response.getHeaderString("Retry-After"), messageOf(response));
        }
        crm.answered(response.getStatus());
        try {
            List<JsonNode> rows = new ArrayList<>();
            mapper.readTree(response.readEntity(String.class)).forEach(rows::add);
            return new CrmPage(rows, ContentRange.parse(response.getHeaderString("Content-Range")).total());
        } catch (IOException e) {
            throw crm.unreadable("a page", e);
        }
    }

    private String messageOf(Response response) {
        try {
            return mapper.readTree(response.readEntity(String.class)).path("message").asText("");
        } catch (RuntimeException | IOException unreadable) {
            return "";
        }
    }

    /** PostgREST list values are quoted so that commas, dots and parentheses in them stay literal. */
    private static String quoted(String value) {
        return "\"" + value.replace("\"", "") + "\"";
    }

    /** A page of rows and, when PostgREST counted, the total matching rows. */
    private record CrmPage(List<JsonNode> rows, Long total) {
    }
}
