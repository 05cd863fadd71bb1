package dev.syncline.migration.compare;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Differences as CSV (RFC 4180); a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
final class DifferenceCsv {

    private static final List<String> CUSTOMER_FIELDS = List.of("email", "firstName", "lastName", "phone");
    private static final List<String> ORDER_FIELDS = List.of("orderNumber", "email", "totalPrice", "createdAt", "lineItemCount",
            "financialStatus", "fulfillmentStatus");

    private DifferenceCsv() {
    }

    static String header(CompareKind kind) {
        List<String> fields = kind == CompareKind.CUSTOMERS ? CUSTOMER_FIELDS : ORDER_FIELDS;
        String id = kind == CompareKind.CUSTOMERS ? "sourceCustomerId" : "sourceOrderId";
        return String.join(",", fields) + "," + id + ",sourcePlatform,destinationPlatform,matchStatus,matchNote\r\n";
    }

    static String row(CompareKind kind, ComparisonStore.Stored stored, ComparisonStore.Difference d) {
        JsonNode p = d.payload();
        StringBuilder row = new StringBuilder();
        for (String field : kind == CompareKind.CUSTOMERS ? CUSTOMER_FIELDS : ORDER_FIELDS) {
            row.append(cell(Comparisons.text(p, field))).append(',');
        }
        return row.append(cell(d.sourceId())).append(',').append(cell(stored.source())).append(',').append(cell(stored.destination()))
                .append(',').append(cell(d.matchStatus())).append(',').append(cell(d.matchNote())).append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("[-+]?\\d+(\\.\\d+)?") ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") || safe.contains(",") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
