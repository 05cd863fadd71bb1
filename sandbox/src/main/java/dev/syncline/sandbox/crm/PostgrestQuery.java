package dev.syncline.sandbox.crm;

import io.vertx.core.MultiMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * PostgREST's read grammar, as far as a sync uses it: {@code select=a,b}, horizontal filters
 * {@code col=op.value} (eq, neq, gt, gte, lt, lte, like, ilike, in, is), {@code order=col.asc,col.desc},
 * {@code limit} and {@code offset}.
 */
record PostgrestQuery(List<String> select, List<Filter> filters,
                      Comparator<Map<String, Object>> order, Integer limit, int offset) {

    /** One horizontal filter: {@code column=[not.]operator.operand}. */
    record Filter(String column, String operator, String operand, boolean negated, Predicate<Map<String, Object>> test) {

        boolean matches(Map<String, Object> row) {
            return test.test(row);
        }

        /** The values an eq or in filter asks for, for index lookups; null for any other filter. */
        List<String> exactValues() {
            if (negated) {
                return null;
            }
            return switch (operator) {
                case "eq" -> List.of(operand);
                case "in" -> inList(operand);
                default -> null;
            };
        }
    }

    private static final Set<String> RESERVED = Set.of("select", "order", "limit", "offset", "on_conflict", "columns");

    static PostgrestQuery parse(MultiMap params, Set<String> columns) {
        List<String> select = List.of("*");
        List<Filter> filters = new ArrayList<>();
        Comparator<Map<String, Object>> order = null;
        Integer limit = null;
        int offset = 0;
        for (Map.Entry<String, String> entry : params.entries()) {
            String name = entry.getKey();
            String value = entry.getValue();
            switch (name) {
                case "select" -> {
                    select = Arrays.stream(value.split(",")).map(String::trim).toList();
                    select.stream().filter(c -> !c.equals("*")).forEach(c -> requireColumn(c, columns));
                }
                case "order" -> order = order(value, columns);
                case "limit" -> limit = number("limit", value);
                case "offset" -> offset = number("offset", value);
                default -> {
                    if (!RESERVED.contains(name)) {
                        requireColumn(name, columns);
                        filters.add(filter(name, value));
                    }
                }
            }
        }
        return new PostgrestQuery(select, filters, order, limit, offset);
    }

    private static Filter filter(String column, String expression) {
        boolean negate = expression.startsWith("not.");
        String rest = negate ? expression.substring(4) : expression;
        int dot = rest.indexOf('.');
        if (dot < 0) {
            throw new PostgrestException(400, "PGRST100", "\"failed to parse filter (" + expression + ")\" (line 1, column 1)");
        }
        String operator = rest.substring(0, dot);
        String operand = rest.substring(dot + 1);
        Predicate<Map<String, Object>> test = switch (operator) {
            case "eq" -> row -> compare(row.get(column), operand) == 0;
            case "neq" -> row -> row.get(column) != null && compare(row.get(column), operand) != 0;
            case "gt" -> row -> row.get(column) != null && compare(row.get(column), operand) > 0;
            case "gte" -> row -> row.get(column) != null && compare(row.get(column), operand) >= 0;
            case "lt" -> row -> row.get(column) != null && compare(row.get(column), operand) < 0;
            case "lte" -> row -> row.get(column) != null && compare(row.get(column), operand) <= 0;
            case "like" -> like(column, operand, 0);
            case "ilike" -> like(column, operand, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            case "in" -> {
                List<String> values = inList(operand);
                yield row -> row.get(column) != null && values.stream().anyMatch(v -> compare(row.get(column), v) == 0);
            }
            case "is" -> switch (operand) {
                case "null" -> row -> row.get(column) == null;
                case "true" -> row -> Boolean.TRUE.equals(row.get(column));
                case "false" -> row -> Boolean.FALSE.equals(row.get(column));
                default -> throw new PostgrestException(400, "PGRST100", "\"failed to parse filter (" + expression + ")\"");
            };
            default -> throw new PostgrestException(400, "PGRST100", "\"failed to parse filter (" + expression + ")\" (line 1, column " + (dot + 1) + ")");
        };
        return new Filter(column, operator, operand, negate, negate ? test.negate() : test);
    }

    private static Predicate<Map<String, Object>> like(String column, String pattern, int flags) {
        String regex = Arrays.stream(pattern.replace('%', '*').split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        Pattern compiled = Pattern.compile(regex, flags);
        return row -> row.get(column) != null && compiled.matcher(row.get(column).toString()).matches();
    }

    /** {@code (a,b,"c,d")}: values, optionally double-quoted. */
    static List<String> inList(String operand) {
        if (!operand.startsWith("(") || !operand.endsWith(")")) {
            throw new PostgrestException(400, "PGRST100", "\"failed to parse filter (in." + operand + ")\"");
        }
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : operand.substring(1, operand.length() - 1).toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty() || !values.isEmpty()) {
            values.add(current.toString());
        }
        return values;
    }

    private static Comparator<Map<String, Object>> order(String value, Set<String> columns) {
        Comparator<Map<String, Object>> order = null;
        for (String term : value.split(",")) {
            String[] parts = term.trim().split("\\.");
            requireColumn(parts[0], columns);
            boolean descending = parts.length > 1 && parts[1].equals("desc");
            Comparator<Map<String, Object>> next = Comparator.comparing(row -> (Object) row.get(parts[0]),
                    Comparator.nullsLast(PostgrestQuery::compareValues));
            next = descending ? next.reversed() : next;
            order = order == null ? next : order.thenComparing(next);
        }
        return order;
    }

    private static void requireColumn(String column, Set<String> columns) {
        if (!columns.contains(column)) {
            throw new PostgrestException(400, "42703", "column " + column + " does not exist");
        }
    }

    private static int number(String name, String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new PostgrestException(400, "PGRST100", "\"failed to parse " + name + " (" + value + ")\"");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    private static int compare(Object actual, String operand) {
        if (actual == null) {
            return operand.equals("null") ? 0 : -1;
        }
        if (actual instanceof Number) {
            try {
                return new BigDecimal(actual.toString()).compareTo(new BigDecimal(operand));
            } catch (NumberFormatException e) {
                return actual.toString().compareTo(operand);
            }
        }
        return actual.toString().compareTo(operand);
    }
}
