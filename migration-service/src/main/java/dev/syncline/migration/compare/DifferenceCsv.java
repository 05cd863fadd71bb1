package dev.syncline.migration.compare;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

/** Differences as CSV (RFC 4180); a line that a spreadsheet would run as a formula is prefixed with an apostrophe. */
final class DifferenceCsv {

    private static final List<String> CUSTOMER_FIELDS = List.of("email", "firstName", "lastName", "phone");
    private static final List<String> ORDER_FIELDS = List.of("orderNumber", "email", "totalPrice", "createdAt", "lineItemCount",
            "financialStatus", "fulfillmentStatus");

    private static final String FORMULA_STARTS = "=+-@\t";
    private static final String QUOTED = "\",\r\n";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

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

    /**
     * One field: quoted when it holds a quote, comma, CR or LF; each line that a spreadsheet would
     * run as a formula gets an apostrophe in front, the first and every one after a line break,
     * since a reader that splits the cell at its line breaks would otherwise meet a bare formula.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String guarded = guardFormulas(value);
        return needsQuotes(guarded) ? "\"" + guarded.replace("\"", "\"\"") + "\"" : guarded;
    }

    private static String guardFormulas(String value) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        int start = 0;
        while (true) {
            int end = nextLineBreak(value, start);
            String line = value.substring(start, end);
            out.append(startsFormula(line) ? "'" : "").append(line);
            if (end == value.length()) {
                return out.toString();
            }
            int next = value.startsWith("\r\n", end) ? end + 2 : end + 1;
            out.append(value, end, next);
            start = next;
        }
    }

    private static int nextLineBreak(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                return i;
            }
        }
        return value.length();
    }

    /** A plain number such as -12.50 stays as it is: a spreadsheet reads it as the number it is. */
    private static boolean startsFormula(String line) {
        return !line.isEmpty() && FORMULA_STARTS.indexOf(line.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(line).matches();
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (QUOTED.indexOf(value.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
