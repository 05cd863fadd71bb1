package dev.syncline.packages.crm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgREST's {@code Content-Range: 0-999/1234} (or {@code *}/1234 for an empty page, /* without a count). */
public record ContentRange(Long total) {

    private static final Pattern TOTAL = Pattern.compile(".*/(\\d+|\\*)\\s*");

    public static ContentRange parse(String header) {
        if (header == null) {
            return new ContentRange(null);
        }
        Matcher m = TOTAL.matcher(header);
        if (!m.matches() || m.group(1).equals("*")) {
            return new ContentRange(null);
        }
        return new ContentRange(Long.parseLong(m.group(1)));
    }
}
