package dev.syncline.sandbox.magento;

import dev.syncline.sandbox.magento.SearchCriteria.Filter;
import dev.syncline.sandbox.magento.SearchCriteria.SortOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs a {@link SearchCriteria} against the catalog the way Magento's collection does: filters,
 * sort, page size (input limiting on: default 20, at most {@link #MAX_PAGE_SIZE}) and the
 * out-of-range page rule of the chosen {@link PageMode}. Filters on entity_id alone are answered by
 * binary search; anything else scans.
 */
final class OrderQuery {

    static final int MAX_PAGE_SIZE = 300;
    static final int DEFAULT_PAGE_SIZE = 20;
    private static final Set<String> ID_RANGE_CONDITIONS = Set.of("eq", "gt", "gteq", "lt", "lteq");

    /** Past the last page: legacy Magento returns the last page again, 2.4's fix an empty page. */
    enum PageMode { CLAMP, EMPTY }

    record Result(List<GeneratedOrder> items, int totalCount, int pageSize, int currentPage) {
    }

    private OrderQuery() {
    }

    static Result run(OrderCatalog catalog, SearchCriteria criteria, PageMode mode) {
        int pageSize = criteria.pageSize() == null ? DEFAULT_PAGE_SIZE : criteria.pageSize();
        if (pageSize > MAX_PAGE_SIZE) {
            throw new MagentoInputException("Maximum SearchCriteria pageSize is %max", Map.of("max", MAX_PAGE_SIZE));
        }
        if (pageSize < 1) {
            throw new MagentoInputException("The \"%1\" value's type is invalid. The \"int\" type was expected. Verify and try again.", Integer.toString(pageSize));
        }
        List<Integer> matching = byIdRange(catalog, criteria);
        if (matching == null) {
            matching = byScan(catalog, criteria);
        }
        int total = matching.size();
        int page = criteria.currentPage() < 1 ? 1 : criteria.currentPage();
        int lastPage = Math.max(1, (total + pageSize - 1) / pageSize);
        if (page > lastPage && mode == PageMode.CLAMP) {
            page = lastPage;
        }
        int from = Math.min(total, (page - 1) * pageSize);
        int to = Math.min(total, from + pageSize);
        List<GeneratedOrder> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            items.add(catalog.order(matching.get(i)));
        }
        return new Result(items, total, pageSize, criteria.currentPage());
    }

    /** The fast path for keyset paging: every filter a range on entity_id, sorted by entity_id or unsorted. */
    private static List<Integer> byIdRange(OrderCatalog catalog, SearchCriteria criteria) {
        boolean sortable = criteria.sortOrders().isEmpty()
                || (criteria.sortOrders().size() == 1 && "entity_id".equals(criteria.sortOrders().get(0).field()));
        if (!sortable) {
            return null;
        }
        int lo = 0;
        int hi = catalog.size();
        for (List<Filter> group : criteria.filterGroups()) {
            if (group.size() != 1) {
                return null;
            }
            Filter f = group.get(0);
            if (!"entity_id".equals(f.field()) || !ID_RANGE_CONDITIONS.contains(f.condition())) {
                return null;
            }
            long value;
            try {
                value = new BigDecimal(f.value().trim()).longValue();
            } catch (RuntimeException e) {
                return null;
            }
            switch (f.condition()) {
                case "gt" -> lo = Math.max(lo, catalog.upperBound(value));
                case "gteq" -> lo = Math.max(lo, catalog.lowerBound(value));
                case "lt" -> hi = Math.min(hi, catalog.lowerBound(value));
                case "lteq" -> hi = Math.min(hi, catalog.upperBound(value));
                default -> {
                    lo = Math.max(lo, catalog.lowerBound(value));
                    hi = Math.min(hi, catalog.upperBound(value));
                }
            }
        }
        boolean descending = !criteria.sortOrders().isEmpty() && !criteria.sortOrders().get(0).ascending();
        int count = Math.max(0, hi - lo);
        int start = lo;
        int end = hi;
        return new java.util.AbstractList<>() {
            @Override
            public Integer get(int i) {
                return descending ? end - 1 - i : start + i;
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    private static List<Integer> byScan(OrderCatalog catalog, SearchCriteria criteria) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < catalog.size(); i++) {
            GeneratedOrder order = catalog.order(i);
            if (criteria.filterGroups().stream().allMatch(group -> group.stream().anyMatch(f -> matches(order, f)))) {
                matching.add(i);
            }
        }
        Comparator<Integer> order = null;
        for (SortOrder sort : criteria.sortOrders()) {
            Comparator<Integer> next = Comparator.comparing(i -> catalog.order(i).field(sort.field()),
                    Comparator.nullsFirst(OrderQuery::compare));
            next = sort.ascending() ? next : next.reversed();
            order = order == null ? next : order.thenComparing(next);
        }
        if (order != null) {
            matching.sort(order);
        }
        return matching;
    }

    static boolean matches(GeneratedOrder order, Filter filter) {
        Object actual = order.field(filter.field());
        String value = filter.value();
        return switch (filter.condition()) {
            case "eq" -> actual != null && compare(actual, value) == 0;
            case "neq" -> actual == null || compare(actual, value) != 0;
            case "gt", "moreq" -> actual != null && compare(actual, value) > 0;
            case "gteq", "from" -> actual != null && compare(actual, value) >= 0;
            case "lt" -> actual != null && compare(actual, value) < 0;
            case "lteq", "to" -> actual != null && compare(actual, value) <= 0;
            case "in" -> actual != null && List.of(value.split(",")).stream().anyMatch(v -> compare(actual, v.trim()) == 0);
            case "nin" -> actual == null || List.of(value.split(",")).stream().noneMatch(v -> compare(actual, v.trim()) == 0);
            case "like" -> actual != null && like(value).matcher(actual.toString()).matches();
            case "nlike" -> actual == null || !like(value).matcher(actual.toString()).matches();
            case "null" -> actual == null;
            case "notnull" -> actual != null;
            default -> throw new MagentoInputException("Invalid condition type \"%1\".", filter.condition());
        };
    }

    /** Magento's LIKE: % stands for any text, everything else literally, case-insensitive. */
    private static Pattern like(String value) {
        return Pattern.compile(java.util.Arrays.stream(value.split("%", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")), Pattern.CASE_INSENSITIVE);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object actual, Object expected) {
        if (actual instanceof Number || actual instanceof BigDecimal) {
            try {
                return new BigDecimal(actual.toString()).compareTo(new BigDecimal(expected.toString().trim()));
            } catch (NumberFormatException e) {
                return actual.toString().compareTo(expected.toString());
            }
        }
        if (actual instanceof Comparable comparable && expected.getClass() == actual.getClass()) {
            return comparable.compareTo(expected);
        }
        return actual.toString().compareToIgnoreCase(expected.toString());
    }
}
