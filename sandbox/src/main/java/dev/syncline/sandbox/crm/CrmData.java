package dev.syncline.sandbox.crm;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CRM's customers and packages, generated from a seed. Like a real CRM it has near-duplicates:
 * customers sharing a name, phone numbers written in different formats, emails in mixed case.
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

    final List<Map<String, Object>> customers = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> packages = new CopyOnWriteArrayList<>();
    private final Random random;
    private final long seed;
    private long counter;

    CrmData(long seed, int customerCount, int packageCount) {
        this.seed = seed;
        this.random = new Random(seed);
        for (int i = 0; i < customerCount; i++) {
            boolean twin = i > 0 && random.nextInt(20) == 0;
            Map<String, Object> source = twin ? customers.get(random.nextInt(customers.size())) : null;
            String name = twin ? (String) source.get("name")
                    : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            long digits = 800_000_000L + Math.floorMod(random.nextLong(), 100_000_000L);
            String email = name.toLowerCase().replace(' ', '.').replace("ü", "ue") + i + "@example.com";
            addCustomer(spelling(email), phoneFormat(digits), name);
        }
        for (int i = 0; i < packageCount && !customers.isEmpty(); i++) {
            addPackage((String) customers.get(random.nextInt(customers.size())).get("id"), null);
        }
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
        customers.add(row);
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
        packages.add(row);
        return id;
    }

    boolean removePackage(String id) {
        return packages.removeIf(row -> id.equals(row.get("id")));
    }

    List<Map<String, Object>> table(String name) {
        return switch (name) {
            case "customers" -> new ArrayList<>(customers);
            case "packages" -> new ArrayList<>(packages);
            default -> throw new PostgrestException(404, "PGRST205",
                    "Could not find the table 'public." + name + "' in the schema cache");
        };
    }

    static Set<String> columns(String table) {
        return table.equals("customers") ? CUSTOMER_COLUMNS : PACKAGE_COLUMNS;
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
