package dev.syncline.sandbox.magento;

import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Magento's {@code searchCriteria[...]} query grammar: filter groups (AND-ed) of filters (OR-ed),
 * sort orders, a page size and a 1-based current page.
 */
public record SearchCriteria(List<List<Filter>> filterGroups, List<SortOrder> sortOrders, Integer pageSize,
                             int currentPage) {

    private static final Pattern FILTER = Pattern.compile(
            "searchCriteria\\[filter_?[gG]roups]\\[(\\d+)]\\[filters]\\[(\\d+)]\\[(field|value|condition_?[tT]ype)]");
    private static final Pattern SORT = Pattern.compile("searchCriteria\\[sort_?[oO]rders]\\[(\\d+)]\\[(field|direction)]");

    public record Filter(String field, String value, String condition) {
    }

    public record SortOrder(String field, boolean ascending) {
    }

    public static SearchCriteria parse(MultiMap query) {
        Map<Integer, Map<Integer, Map<String, String>>> groups = new TreeMap<>();
        Map<Integer, Map<String, String>> sorts = new TreeMap<>();
        Integer pageSize = null;
        int currentPage = 1;
        for (Map.Entry<String, String> entry : query.entries()) {
            String name = entry.getKey();
            Matcher filter = FILTER.matcher(name);
            Matcher sort = SORT.matcher(name);
            if (filter.matches()) {
                groups.computeIfAbsent(Integer.parseInt(filter.group(1)), g -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(filter.group(2)), f -> new TreeMap<>())
                        .put(normalise(filter.group(3)), entry.getValue());
            } else if (sort.matches()) {
                sorts.computeIfAbsent(Integer.parseInt(sort.group(1)), s -> new TreeMap<>())
                        .put(sort.group(2), entry.getValue());
            } else if (name.equals("searchCriteria[pageSize]") || name.equals("searchCriteria[page_size]")) {
                pageSize = parseNumber(name, entry.getValue());
            } else if (name.equals("searchCriteria[currentPage]") || name.equals("searchCriteria[current_page]")) {
                currentPage = parseNumber(name, entry.getValue());
            }
        }
        List<List<Filter>> filterGroups = new ArrayList<>();
        for (Map<Integer, Map<String, String>> group : groups.values()) {
            List<Filter> filters = new ArrayList<>();
            for (Map<String, String> f : group.values()) {
                if (f.get("field") == null) {
                    throw new MagentoInputException("\"%fieldName\" is required. Enter and try again.", "field");
                }
                String condition = f.getOrDefault("condition_type", "eq").toLowerCase();
                filters.add(new Filter(f.get("field"), f.get("value"), condition));
            }
            filterGroups.add(filters);
        }
        List<SortOrder> sortOrders = new ArrayList<>();
        for (Map<String, String> s : sorts.values()) {
            sortOrders.add(new SortOrder(s.get("field"), !"DESC".equalsIgnoreCase(s.getOrDefault("direction", "ASC"))));
        }
        return new SearchCriteria(filterGroups, sortOrders, pageSize, currentPage);
    }

    private static String normalise(String key) {
        return key.startsWith("condition") ? "condition_type" : key;
    }

    private static int parseNumber(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new MagentoInputException("The \"%1\" value's type is invalid. The \"int\" type was expected. Verify and try again.", value);
        }
    }
}
