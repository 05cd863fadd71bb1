package dev.syncline.packages.crm;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** A package as the CRM holds it; dates are ISO dates, amounts numbers or null. */
public record CrmPackage(String id, String customerId, String packageType, String packageName, String purchaseDate,
                         String firstUseDate, String expirationDate, BigDecimal totalHours, BigDecimal usedHours,
                         BigDecimal remainingHours, Integer totalSessions, Integer usedSessions,
                         Integer remainingSessions, String status) {

    static CrmPackage of(JsonNode row) {
        return new CrmPackage(row.path("id").asText(), row.path("customer_id").asText(),
                text(row, "package_type"), text(row, "package_name"), text(row, "purchase_date"),
                text(row, "first_use_date"), text(row, "expiration_date"), decimal(row, "total_hours"),
                decimal(row, "used_hours"), decimal(row, "remaining_hours"), integer(row, "total_sessions"),
                integer(row, "used_sessions"), integer(row, "remaining_sessions"), text(row, "status"));
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal decimal(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.decimalValue();
    }

    private static Integer integer(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }
}
