package dev.syncline.migration.shopify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says which field Shopify refused and why, from a top-level {@code errors} answer. A variable that
 * does not fit the schema comes back as "Variable $input of type CustomerInput! was provided invalid
 * value for …" with {@code extensions.problems[{path, explanation}]} (graphql-ruby's shape, which the
 * Admin API answers); an enum's explanation lists every allowed value, which is cut to its start.
 */
final class ShopifyRefusals {

    private static final Pattern VARIABLE = Pattern.compile("^Variable \\$(\\w+) of type");
    private static final Pattern ONE_OF = Pattern.compile("^(Expected .* to be one of: )(.*)$", Pattern.DOTALL);

    private ShopifyRefusals() {
    }

    static String describe(JsonNode errors) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode error : errors) {
            String message = error.path("message").asText("");
            JsonNode problems = error.path("extensions").path("problems");
            if (!problems.isArray() || problems.isEmpty()) {
                reasons.add(message.isEmpty() ? "no reason given" : message);
                continue;
            }
            Matcher variable = VARIABLE.matcher(message);
            String root = variable.find() ? variable.group(1) : "";
            for (JsonNode problem : problems) {
                List<String> path = new ArrayList<>();
                if (!root.isEmpty()) {
                    path.add(root);
                }
                problem.path("path").forEach(step -> path.add(step.asText()));
                reasons.add(String.join(".", path) + ": " + shortened(problem.path("explanation").asText("")));
            }
        }
        return reasons.isEmpty() ? "no reason given" : String.join("; ", reasons);
    }

    /** "Expected "" to be one of: AF, AX, …" keeps the first values of Shopify's list. */
    private static String shortened(String explanation) {
        Matcher oneOf = ONE_OF.matcher(explanation);
        if (!oneOf.matches()) {
            return explanation;
        }
        String[] values = oneOf.group(2).split(",\\s*");
        return values.length <= 8 ? explanation
                : oneOf.group(1) + String.join(", ", List.of(values).subList(0, 8)) + ", … (" + values.length + " values)";
    }
}
