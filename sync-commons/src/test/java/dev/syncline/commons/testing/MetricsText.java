package dev.syncline.commons.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** What {@code GET /q/metrics} answers, in Prometheus' text format, read one series at a time. */
public final class MetricsText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)(?: \\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private MetricsText(String text) {
        this.text = text;
    }

    /** Scrapes the running application, as Prometheus does. */
    public static MetricsText scrape() {
        return new MetricsText(given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The value of the one series of {@code name} with exactly these labels; fails naming the
     * series when it is not there.
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(name)
                    && labelsOf(sample.group(2)).equals(wanted)) {
                return Double.parseDouble(sample.group(3));
            }
        }
        throw new AssertionError("No series " + name + wanted + " in /q/metrics");
    }

    public boolean has(String name, String... labels) {
        try {
            value(name, labels);
            return true;
        } catch (AssertionError missing) {
            return false;
        }
    }

    private static Map<String, String> labelsOf(String labels) {
        Map<String, String> map = new TreeMap<>();
        if (labels != null) {
            Matcher label = LABEL.matcher(labels);
            while (label.find()) {
                map.put(label.group(1), label.group(2));
            }
        }
        return map;
    }
}
