package dev.syncline.packages.crm;

import com.fasterxml.jackson.databind.JsonNode;

/** A CRM customer, as far as matching needs it. */
public record CrmCustomer(String id, String email, String phone, String name) {

    static CrmCustomer of(JsonNode row) {
        return new CrmCustomer(row.path("id").asText(), row.path("email").asText(null), row.path("phone").asText(null),
                row.path("name").asText(null));
    }
}
