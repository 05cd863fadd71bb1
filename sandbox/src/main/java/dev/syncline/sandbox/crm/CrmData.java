package dev.syncline.sandbox.crm;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The CRM's customers and packages, generated from a seed. Like a real CRM it has near-duplicates:
 * customers sharing a name, phone numbers written in different formats, emails in mixed case.
 * Rows are indexed by id, by customer id and by lower-cased email, as the CRM's database indexes
 * them, so a filtered read costs what it costs in PostgreSQL rather than a scan of every row.
 */
final class CrmData {

    static final Set<String> CUSTOMER_COLUMNS = Set.of("id", "email", "phone", "name", "created_at", "updated_at");
    static final Set<String> PACKAGE_COLUMNS = Set.of("id", "customer_id", "package_type", "package_name",
            "purchase_date", "first_use_date", "expiration_date", "total_hours", "used_hours", "remaining_hours",
            "total_sessions", "used_sessions", "remaining_sessions", "status", "updated_at");

    private static final String[] FIRST = {"Somchai", "Anong", "Niran", "Ploy", "Kittipong", "Mali", "James",
            "Sarah", "Wei", "Yuki", "Arjun", "Emma"};
    private static final String[] LAST = {"Srisuk", "Chaiyaporn", "Wongsa", "Thongdee", "Smith", "Tanaka",
            "Chen", "Patel", "Müller", "Nakamura"};
    private static final String[][] PACKAGE_TYPES = {{"hours", "10 Hour Practice Pack"}, {"hours", "Gold 20 Hours"},
            {"sessions", "5 Coaching Sessions"}, {"sessions", "Junior Academy 10"}, {"hours", "Diamond Unlimited Month"}};

    private final Map<String, Map<String, Object>> customers = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> packages = new LinkedHashMap<>();
    private final List<String> customerIds = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> packagesByCustomer = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> customersByEmail = new HashMap<>();
    private final Map<Map<String, Object>, Long> insertion = new IdentityHashMap<>();
    private final Random random;
    private final long seed;
    private long counter;

    CrmData(long seed, int customerCount, int packageCount) {
        this.seed = seed;
        this.random = new Random(seed);
        for (int i = 0; i < customerCount; i++) {
            boolean twin = i > 0 && random.nextInt(20) == 0;
            Map<String, Object> source = twin ? customers.get(customerIds.get(random.nextInt(customerIds.size()))) : null;
            String name = twin ? (String) source.get("name")
                    : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            long digits = 800_000_000L + Math.floorMod(random.nextLong(), 100_000_000L);
            String email = name.toLowerCase().replace(' ', '.').replace("ü", "ue") + i + "@example.com";
            addCustomer(spelling(email), phoneFormat(digits), name);
        }
        for (int i = 0; i < packageCount && !customerIds.isEmpty(); i++) {
            addPackage(customerIds.get(random.nextInt(customerIds.size())), null);
        }
    }

    synchronized int customerCount() {
        return customers.size();
    }

    synchronized int packageCount() {
        return packages.size();
    }

    synchronized String addCustomer(String email, String phone, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        String id = nextId();
        OffsetDateTime created = OffsetDateTime.of(2023, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(counter * 7);
        row.put("id", id);
        row.put("email", email);
        row.put("phone", phone);
        row.put("name", name);
        row.put("created_at", created.toString());
        row.put("updated_at", created.toString());
        customers.put(id, row);
        customerIds.add(id);
        insertion.put(row, counter);
        if (email != null) {
            customersByEmail.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(row);
        }
        return id;
    }

    /** A package for the customer; {@code name} picks the package name, otherwise one is drawn. */
    synchronized String addPackage(String customerId, String name) {
        String[] type = PACKAGE_TYPES[random.nextInt(PACKAGE_TYPES.length)];
        boolean hours = type[0].equals("hours");
        int total = hours ? 10 + 10 * random.nextInt(3) : 5 + 5 * random.nextInt(2);
        int used = random.nextInt(total + 1);
        LocalDate purchase = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600));
        Map<String, Object> row = new LinkedHashMap<>();
        String id = nextId();
        row.put("id", id);
        row.put("customer_id", customerId);
        row.put("package_type", type[0]);
        row.put("package_name", name != null ? name : type[1]);
        row.put("purchase_date", purchase.toString());
        row.put("first_use_date", used == 0 ? null : purchase.plusDays(random.nextInt(30)).toString());
        row.put("expiration_date", purchase.plusMonths(hours ? 6 : 12).toString());
        row.put("total_hours", hours ? total : null);
        row.put("used_hours", hours ? used : null);
        row.put("remaining_hours", hours ? total - used : null);
        row.put("total_sessions", hours ? null : total);
        row.put("used_sessions", hours ? null : used);
        row.put("remaining_sessions", hours ? null : total - used);
        row.put("status", used == total ? "depleted" : "active");
        row.put("updated_at", OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(counter).toString());
        packages.put(id, row);
        insertion.put(row, counter);
        packagesByCustomer.computeIfAbsent(customerId, k -> new ArrayList<>()).add(row);
        return id;
    }

    synchronized boolean removePackage(String id) {
        Map<String, Object> row = packages.remove(id);
        if (row == null) {
            return false;
        }
        packagesByCustomer.getOrDefault((String) row.get("customer_id"), new ArrayList<>()).remove(row);
        insertion.remove(row);
        return true;
    }

    /**
     * The rows a query may match, in the order they were created: found through an index when one
     * of its filters is an equality on an indexed column, every row of the table otherwise. The
     * caller still applies all filters.
     */
    synchronized List<Map<String, Object>> candidates(String table, List<PostgrestQuery.Filter> filters) {
        Map<String, Map<String, Object>> rows = switch (table) {
            case "customers" -> customers;
            case "packages" -> packages;
            default -> throw new PostgrestException(404, "PGRST205",
                    "Could not find the table 'public." + table + "' in the schema cache");
        };
        for (PostgrestQuery.Filter filter : filters) {
            List<Map<String, Object>> found = lookup(table, rows, filter);
            if (found != null) {
                found.sort(Comparator.comparing(insertion::get));
                return found;
            }
        }
        return new ArrayList<>(rows.values());
    }

    private List<Map<String, Object>> lookup(String table, Map<String, Map<String, Object>> rows, PostgrestQuery.Filter filter) {
        List<String> values = filter.exactValues();
        if (filter.column().equals("id") && values != null) {
            return collect(values, value -> rows.containsKey(value) ? List.of(rows.get(value)) : List.of());
        }
        if (table.equals("packages") && filter.column().equals("customer_id") && values != null) {
            return collect(values, value -> packagesByCustomer.getOrDefault(value, List.of()));
        }
        boolean caseInsensitiveEquality = filter.operator().equals("ilike") && !filter.negated()
                && !filter.operand().contains("*") && !filter.operand().contains("%");
        if (table.equals("customers") && filter.column().equals("email") && (caseInsensitiveEquality || values != null)) {
            List<String> emails = values != null ? values : List.of(filter.operand());
            return collect(emails, value -> customersByEmail.getOrDefault(value.toLowerCase(Locale.ROOT), List.of()));
        }
        return null;
    }

    private static List<Map<String, Object>> collect(List<String> values,
                                                     java.util.function.Function<String, List<Map<String, Object>>> index) {
        Map<Map<String, Object>, Boolean> found = new IdentityHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String value : values) {
            for (Map<String, Object> row : index.apply(value)) {
                if (found.put(row, Boolean.TRUE) == null) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    static Set<String> columns(String table) {
        return switch (table) {
            case "customers" -> CUSTOMER_COLUMNS;
            case "packages" -> PACKAGE_COLUMNS;
            default -> throw new PostgrestException(404, "PGRST205",
                    "Could not find the table 'public." + table + "' in the schema cache");
        };
    }

    private String nextId() {
        return UUID.nameUUIDFromBytes((seed + ":" + counter++).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** The same Thai mobile number as people type it. */
    private String phoneFormat(long digits) {
        String n = Long.toString(digits);
        return switch (random.nextInt(4)) {
            case 0 -> "+66 " + n.substring(0, 2) + " " + n.substring(2, 5) + " " + n.substring(5);
            case 1 -> "0" + n.substring(0, 2) + "-" + n.substring(2, 5) + "-" + n.substring(5);
            case 2 -> "0" + n;
            default -> "66" + n;
        };
    }

    private String spelling(String email) {
        return random.nextInt(4) == 0 ? Character.toUpperCase(email.charAt(0)) + email.substring(1) : email;
    }
}
