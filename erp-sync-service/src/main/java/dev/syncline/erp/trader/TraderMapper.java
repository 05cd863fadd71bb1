package dev.syncline.erp.trader;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.commons.rejected.Rejection;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * SoftOne rows to traders, per the original mapping: NAME is also the sotitle, ISPROSP "1" means
 * ACTIVE, the tax office comes as IRSDATA or IRSDATA_1, and UPDDATE is local time in SoftOne's zone.
 * Numbers may arrive as strings and strings as numbers. A row with neither a usable TRDR nor an AFM,
 * or with an unreadable UPDDATE or SOCURRENCY, is rejected with the reason.
 */
public final class TraderMapper {

    static final DateTimeFormatter SOFTONE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public TraderMapper(ZoneId zone) {
        this.zone = zone;
    }

    public record MappedTraders(List<Trader> traders, List<Rejection> rejections) {
    }

    public MappedTraders map(List<JsonNode> rows) {
        return map(rows, 0);
    }

    /** @param rowsBefore how many rows of the answer came before these, so a rejection can say which row it was */
    public MappedTraders map(List<JsonNode> rows, long rowsBefore) {
        List<Trader> traders = new ArrayList<>(rows.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            try {
                traders.add(toTrader(row));
            } catch (UnusableRow e) {
                rejections.add(new Rejection(identify(row, rowsBefore + i), e.getMessage()));
            }
        }
        return new MappedTraders(traders, rejections);
    }

    private Trader toTrader(JsonNode row) {
        Long trdr = wholeNumber(text(row, "TRDR"));
        String afm = text(row, "AFM");
        if (trdr == null && afm == null) {
            throw new UnusableRow("row has neither a usable TRDR ('" + row.path("TRDR").asText("") + "') nor an AFM");
        }
        String name = text(row, "NAME");
        String irsdata = text(row, "IRSDATA") != null ? text(row, "IRSDATA") : text(row, "IRSDATA_1");
        String currency = text(row, "SOCURRENCY");
        Long socurrency = wholeNumber(currency);
        if (currency != null && socurrency == null) {
            throw new UnusableRow("SOCURRENCY '" + currency + "' is not a number");
        }
        return new Trader(trdr, text(row, "CODE"), afm, name, text(row, "JOBTYPETRD"), text(row, "ADDRESS"),
                text(row, "CITY"), text(row, "ZIP"), text(row, "DISTRICT"), text(row, "COUNTRY"),
                "1".equals(text(row, "ISPROSP")) ? "ACTIVE" : "INACTIVE", text(row, "PHONE01"), irsdata,
                socurrency == null ? null : socurrency.intValue(), updated(text(row, "UPDDATE")));
    }

    private OffsetDateTime updated(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, SOFTONE_TIME).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new UnusableRow("UPDDATE '" + value + "' is not a SoftOne timestamp (yyyy-MM-dd HH:mm:ss)");
        }
    }

    /** A field as trimmed text, whether SoftOne sent a string or a number; blank is null. */
    static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isNumber() ? value.numberValue().toString() : value.asText().trim();
        if (value.isFloatingPointNumber() && value.canConvertToExactIntegral()) {
            text = Long.toString(value.longValue());
        }
        return text.isEmpty() ? null : text;
    }

    private static Long wholeNumber(String text) {
        if (text == null || !text.matches("-?\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text);
    }

    private static String identify(JsonNode row, long index) {
        for (String field : new String[] {"TRDR", "AFM", "CODE"}) {
            String value = text(row, field);
            if (value != null) {
                return field + " " + value;
            }
        }
        return "row " + (index + 1) + " (NAME " + text(row, "NAME") + ")";
    }

    private static final class UnusableRow extends RuntimeException {
        UnusableRow(String message) {
            super(message, null, false, false);
        }
    }
}
