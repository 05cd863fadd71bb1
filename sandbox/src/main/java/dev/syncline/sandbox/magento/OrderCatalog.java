package dev.syncline.sandbox.magento;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sandbox's Magento orders: only the sorted entity ids are held; every order is generated on
 * demand from (seed, entity id), so 100k+ orders cost a few megabytes. The data has what real
 * shops have: gaps in entity ids, guest orders without customer names, mixed-case and space-padded
 * emails, customers ordering several times (sometimes twice in the same second) and a few orders
 * with no or an invalid email.
 */
public final class OrderCatalog {

    static final long BASE_EPOCH_SECOND = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    static final int CUSTOMER_POOL = 5_000;
    static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final String[] FIRST_NAMES = {"Jan", "Sanne", "Pieter", "Emma", "Daan", "Lotte", "Bram", "Julia",
            "Thijs", "Fleur", "Lars", "Noor", "Ruben", "Anouk", "Sem", "Iris", "Jeroen", "Marloes", "Koen"};
    private static final String[] LAST_NAMES = {"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit",
            "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker"};
    private static final String[] DOMAINS = {"example.nl", "example.com", "mail.example.be", "example.org"};
    private static final String[][] CITIES = {{"Amsterdam", "1012 AB", "NL"}, {"Rotterdam", "3011 AA", "NL"},
            {"Utrecht", "3511 LM", "NL"}, {"Den Haag", "2511 CV", "NL"}, {"Eindhoven", "5611 EM", "NL"},
            {"Groningen", "9711 PB", "NL"}, {"Antwerpen", "2000", "BE"}, {"Gent", "9000", "BE"}};
    private static final String[] STREETS = {"Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsplein", "Markt"};
    private static final String[] INVALID_EMAILS = {null, "", "   ", "geen-email", "jan@", "@example.nl",
            "piet@@example.nl"};
    private static final String[] STATUSES = {"complete", "processing", "pending", "canceled"};

    enum Kind { NORMAL, INVALID_EMAIL, SAME_CUSTOMER, SAME_CUSTOMER_SAME_SECOND }

    private final long seed;
    private final long[] ids;

    private OrderCatalog(long seed, long[] ids) {
        this.seed = seed;
        this.ids = ids;
    }

    public static OrderCatalog seeded(long seed, int count) {
        return new OrderCatalog(seed, new long[0]).withAppended(count);
    }

    /** A new catalog with {@code count} more orders after the highest entity id. */
    public OrderCatalog withAppended(int count) {
        long[] grown = Arrays.copyOf(ids, ids.length + count);
        long id = ids.length == 0 ? 0 : ids[ids.length - 1];
        for (int i = ids.length; i < grown.length; i++) {
            id += 1 + gapAfter(id);
            grown[i] = id;
        }
        return new OrderCatalog(seed, grown);
    }

    /**
     * A new catalog with up to {@code count} orders placed in free entity ids just below the highest
     * one, as when a transaction with a lower id commits after a higher one. Returns their ids too.
     */
    public Late withLateCommits(int count, int window) {
        Set<Long> taken = new HashSet<>();
        long max = ids.length == 0 ? 0 : ids[ids.length - 1];
        for (int i = ids.length - 1; i >= 0 && ids[i] > max - window; i--) {
            taken.add(ids[i]);
        }
        List<Long> late = new ArrayList<>();
        for (long id = max - 1; id > Math.max(0, max - window) && late.size() < count; id--) {
            if (!taken.contains(id)) {
                late.add(id);
            }
        }
        long[] merged = Arrays.copyOf(ids, ids.length + late.size());
        for (int i = 0; i < late.size(); i++) {
            merged[ids.length + i] = late.get(i);
        }
        Arrays.sort(merged);
        return new Late(new OrderCatalog(seed, merged), late);
    }

    public record Late(OrderCatalog catalog, List<Long> entityIds) {
    }

    public int size() {
        return ids.length;
    }

    public long seed() {
        return seed;
    }

    public long entityIdAt(int index) {
        return ids[index];
    }

    public long maxEntityId() {
        return ids.length == 0 ? 0 : ids[ids.length - 1];
    }

    /** Index of the first order with entity id >= {@code entityId}. */
    public int lowerBound(long entityId) {
        int i = Arrays.binarySearch(ids, entityId);
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the first order with entity id > {@code entityId}. */
    public int upperBound(long entityId) {
        int i = Arrays.binarySearch(ids, entityId);
        return i >= 0 ? i + 1 : -i - 1;
    }

    public GeneratedOrder order(int index) {
        long id = ids[index];
        long h = mix(id);
        Kind kind = kind(index);
        int customer = customerOf(index, kind);
        long created = createdAtOf(index, kind);
        String first = FIRST_NAMES[customer % FIRST_NAMES.length];
        String last = LAST_NAMES[(customer / FIRST_NAMES.length) % LAST_NAMES.length];
        String email = kind == Kind.INVALID_EMAIL
                ? INVALID_EMAILS[(int) ((h >>> 24) % INVALID_EMAILS.length)]
                : spelling(canonicalEmail(customer), h);
        String[] city = CITIES[(int) ((h >>> 28) % CITIES.length)];
        boolean guest = (h >>> 44) % 4 == 0;
        String telephone = (h >>> 36) % 10 == 0 ? null : String.format("06-%08d", (h >>> 16) % 100_000_000L);
        List<GeneratedOrder.Item> items = new ArrayList<>();
        int itemCount = 1 + (int) ((h >>> 48) % 3);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < itemCount; i++) {
            int product = (int) ((h >>> (8 + i * 5)) % 200);
            BigDecimal price = BigDecimal.valueOf(495 + product * 137L % 9000, 2);
            int qty = 1 + (product % 3);
            items.add(new GeneratedOrder.Item(id * 10 + i, "SKU-" + (1000 + product), "Product " + (1000 + product), qty, price));
            total = total.add(price.multiply(BigDecimal.valueOf(qty)));
        }
        return new GeneratedOrder(id, String.format("%09d", id), 1 + (int) ((h >>> 52) % 3),
                MAGENTO_TIME.format(Instant.ofEpochSecond(created)), email, first, last, guest, telephone,
                STREETS[customer % STREETS.length] + " " + (1 + customer % 200), city[0], city[1], city[2],
                total.add(BigDecimal.valueOf(695, 2)), "EUR", STATUSES[(int) ((h >>> 56) % STATUSES.length)], items);
    }

    /** What a correct sync must end with, from the generator's own knowledge of the data. */
    public Summary summary() {
        Set<Long> consumers = new HashSet<>();
        int invalid = 0;
        for (int i = 0; i < ids.length; i++) {
            Kind kind = kind(i);
            if (kind == Kind.INVALID_EMAIL) {
                invalid++;
            } else {
                consumers.add(((long) customerOf(i, kind) << 34) | createdAtOf(i, kind));
            }
        }
        return new Summary(ids.length, maxEntityId(), ids.length - invalid, invalid, consumers.size());
    }

    public record Summary(int orders, long maxEntityId, int validOrders, int invalidOrders, int distinctConsumers) {
    }

    Kind kind(int index) {
        int roll = (int) ((mix(ids[index]) >>> 8) % 100);
        if (roll < 3) {
            return Kind.INVALID_EMAIL;
        }
        boolean follows = index > 0 && baseKind(index - 1) == Kind.NORMAL;
        if (roll < 5 && follows) {
            return Kind.SAME_CUSTOMER_SAME_SECOND;
        }
        if (roll < 15 && follows) {
            return Kind.SAME_CUSTOMER;
        }
        return Kind.NORMAL;
    }

    /** The kind an order would have on its own; repeats only follow an order that is itself plain. */
    private Kind baseKind(int index) {
        int roll = (int) ((mix(ids[index]) >>> 8) % 100);
        return roll < 3 ? Kind.INVALID_EMAIL : roll < 15 ? Kind.SAME_CUSTOMER : Kind.NORMAL;
    }

    private int customerOf(int index, Kind kind) {
        long id = kind == Kind.SAME_CUSTOMER || kind == Kind.SAME_CUSTOMER_SAME_SECOND ? ids[index - 1] : ids[index];
        return (int) ((mix(id) >>> 20) % CUSTOMER_POOL);
    }

    private long createdAtOf(int index, Kind kind) {
        long id = kind == Kind.SAME_CUSTOMER_SAME_SECOND ? ids[index - 1] : ids[index];
        return BASE_EPOCH_SECOND + id * 60 + (mix(id) >>> 32) % 50;
    }

    static String canonicalEmail(int customer) {
        String first = FIRST_NAMES[customer % FIRST_NAMES.length];
        String last = LAST_NAMES[(customer / FIRST_NAMES.length) % LAST_NAMES.length];
        return (first + "." + last.replace(" ", "") + customer + "@" + DOMAINS[customer % DOMAINS.length]).toLowerCase();
    }

    /** How the shop spelled the customer's email on this order. */
    private static String spelling(String canonical, long h) {
        return switch ((int) ((h >>> 40) % 6)) {
            case 1 -> Character.toUpperCase(canonical.charAt(0)) + canonical.substring(1);
            case 2 -> "  " + canonical + " ";
            case 3 -> canonical.toUpperCase();
            case 4 -> canonical.replace("@example", "@Example");
            default -> canonical;
        };
    }

    private long gapAfter(long id) {
        long h = mix(id ^ 0x5DEECE66DL);
        return h % 7 == 0 ? 1 + (h >>> 3) % 3 : 0;
    }

    /** SplitMix64 of (seed, id): fast, well spread, the same on every machine. */
    private long mix(long id) {
        long z = seed * 0x9E3779B97F4A7C15L + id * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z & Long.MAX_VALUE;
    }
}
