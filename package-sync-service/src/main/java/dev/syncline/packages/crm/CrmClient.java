package dev.syncline.packages.crm;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads from the CRM: every matching row, page after page, ordered by id. PostgREST silently caps
 * a response (1000 rows by default), so one response is never trusted to hold everything: reading
 * goes on until the exact count in Content-Range is reached.
 */
@ApplicationScoped
public class CrmClient {

    private final CrmPageReader pages;
    private final CrmConfig config;

    public CrmClient(CrmPageReader pages, CrmConfig config) {
        this.pages = pages;
        this.config = config;
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
        return pages.page(table, query, from, config.pageSize()).chain(page -> {
            read.addAll(page.rows());
            boolean more = page.total() == null
                    ? page.rows().size() == config.pageSize()
                    : read.size() < page.total() && !page.rows().isEmpty();
            return more ? readFrom(table, query, from + page.rows().size(), read) : Uni.createFrom().item(read);
        });
    }

    /** PostgREST list values are quoted so that commas, dots and parentheses in them stay literal. */
    private static String quoted(String value) {
        return "\"" + value.replace("\"", "") + "\"";
    }
}
