package dev.syncline.sandbox.plenty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A Plentymarkets catalog generated from a seed: a three-level category tree, colour and size
 * attributes, selling price lists in EUR and CHF, an RRP list and a special offer, manufacturers, units,
 * three VAT configurations (the standard one, an expired one, and one of a second accounting location
 * in another country), and items with one
 * to six variations. About a third of the items are single variations without attributes; the rest
 * vary by colour and size. Any size: variations are generated until the asked count is reached.
 */
final class PlentyCatalog {

    /** {@code position} orders a category among its siblings (Plenty: category details, position). */
    record Category(long id, Long parentId, int level, String name, int position, OffsetDateTime updatedAt) {
    }

    record AttributeValue(long id, long attributeId, String backendName, String name) {
    }

    record Attribute(long id, String backendName, String name, List<AttributeValue> values) {
    }

    /** A price list: {@code type} default (a selling price), rrp (the list price) or another; currency "-1" is every currency. */
    record SalesPrice(long id, String name, String type, String currency, boolean isDisplayedByDefault) {
    }

    record Manufacturer(long id, String name) {
    }

    record Unit(long id, String unitOfMeasurement, String name) {
    }

    /** A VAT configuration of an accounting location and country, valid from startedAt until invalidFrom. */
    record VatConfiguration(long id, int countryId, int locationId, boolean isStandard, OffsetDateTime startedAt,
                            OffsetDateTime invalidFrom, List<BigDecimal> rates) {
    }

    record Item(long id, String name, String description, long manufacturerId, OffsetDateTime updatedAt) {
        Item touched(OffsetDateTime at) {
            return new Item(id, name, description, manufacturerId, at);
        }
    }

    /** {@code vatId} is the index (0 to 3) of a rate in the VAT configuration that applies. */
    record Variation(long id, long itemId, String number, boolean isMain, boolean isActive, OffsetDateTime updatedAt,
                     String ean, int stock, long unitId, int vatId, Map<Long, BigDecimal> prices, List<Long> categoryIds,
                     List<Long> attributeValueIds) {

        Variation with(int newStock, Map<Long, BigDecimal> newPrices, List<Long> newCategories, OffsetDateTime at) {
            return new Variation(id, itemId, number, isMain, isActive, at, ean, newStock, unitId, vatId, newPrices,
                    newCategories, attributeValueIds);
        }
    }

    private static final String[] TOP = {"Damen", "Herren", "Kinder", "Sport", "Haushalt", "Garten"};
    private static final String[] MIDDLE = {"Bekleidung", "Schuhe", "Zubehör"};
    private static final String[] LEAF = {"Neu", "Klassiker"};
    /** The English words of the category names, in the same order. */
    private static final Map<String, String> CATEGORY_WORDS_EN = Map.ofEntries(Map.entry("Damen", "Women"),
            Map.entry("Herren", "Men"), Map.entry("Kinder", "Children"), Map.entry("Sport", "Sports"),
            Map.entry("Haushalt", "Household"), Map.entry("Garten", "Garden"), Map.entry("Bekleidung", "Clothing"),
            Map.entry("Schuhe", "Shoes"), Map.entry("Zubehör", "Accessories"), Map.entry("Neu", "New"),
            Map.entry("Klassiker", "Classic"));
    private static final String[] COLORS = {"Rot", "Blau", "Grün", "Schwarz", "Weiß", "Gelb", "Grau", "Orange"};
    private static final String[] SIZES = {"XS", "S", "M", "L", "XL", "XXL"};
    private static final String[] NOUNS = {"Jacke", "Hose", "Hemd", "Schal", "Mütze", "Tasche", "Socken", "Pullover",
            "Handschuhe", "Gürtel", "Rucksack", "Decke", "Kissen", "Becher", "Lampe"};
    private static final String[] ADJECTIVES = {"Leichte", "Warme", "Robuste", "Elegante", "Sportliche", "Klassische",
            "Bunte", "Schlichte"};
    /** The English words of the generated German names, in the same order. */
    private static final String[] NOUNS_EN = {"Jacket", "Trousers", "Shirt", "Scarf", "Cap", "Bag", "Socks", "Sweater",
            "Gloves", "Belt", "Backpack", "Blanket", "Cushion", "Mug", "Lamp"};
    private static final String[] ADJECTIVES_EN = {"Light", "Warm", "Sturdy", "Elegant", "Sporty", "Classic",
            "Colourful", "Plain"};

    /** The English name of a generated category ("Neu Schuhe" is "New Shoes"). */
    static String englishCategory(String germanName) {
        StringBuilder english = new StringBuilder();
        for (String word : germanName.split(" ")) {
            english.append(english.isEmpty() ? "" : " ").append(CATEGORY_WORDS_EN.getOrDefault(word, word));
        }
        return english.toString();
    }

    /** The English name of a generated German one ("Warme Jacke" is "Warm Jacket"). */
    static String english(String germanName) {
        String[] words = germanName.split(" ", 2);
        int adjective = java.util.Arrays.asList(ADJECTIVES).indexOf(words[0]);
        int noun = words.length < 2 ? -1 : java.util.Arrays.asList(NOUNS).indexOf(words[1]);
        return adjective < 0 || noun < 0 ? germanName : ADJECTIVES_EN[adjective] + " " + NOUNS_EN[noun];
    }

    final List<Category> categories = new ArrayList<>();
    final List<Attribute> attributes = new ArrayList<>();
    // The RRP list is displayed by default in Plenty's back end too: that flag does not mark the selling price.
    final List<SalesPrice> salesPrices = List.of(new SalesPrice(1, "Standardpreis", "default", "EUR", true),
            new SalesPrice(2, "Preis Schweiz", "default", "CHF", false),
            new SalesPrice(3, "UVP", "rrp", "-1", true),
            new SalesPrice(4, "Sommeraktion", "specialOffer", "EUR", false));
    final List<Manufacturer> manufacturers = new ArrayList<>();
    final List<Unit> units = List.of(new Unit(1, "C62", "Stück"), new Unit(2, "KGM", "Kilogramm"),
            new Unit(3, "LTR", "Liter"), new Unit(4, "MTR", "Meter"), new Unit(5, "PR", "Paar"));
    // Germany's standard configuration, and the one it replaced (the 2020 rates), which no sync may use.
    final List<VatConfiguration> vatConfigurations;
    final Map<Long, Item> items = new LinkedHashMap<>();
    final Map<Long, Variation> variations = new LinkedHashMap<>();
    /** The items' images: derived from the item ids, so they draw nothing from the seed's sequence. */
    final PlentyImages images;
    private final Map<Long, List<Long>> categoriesBeforeBreak = new java.util.HashMap<>();
    private final Random random;

    PlentyCatalog(long seed, int variationCount, OffsetDateTime now) {
        this(seed, variationCount, null, now);
    }

    PlentyCatalog(long seed, int variationCount, Integer imagesPerItem, OffsetDateTime now) {
        this.random = new Random(seed);
        this.images = new PlentyImages(now.minusDays(30), imagesPerItem);
        vatConfigurations = List.of(
                new VatConfiguration(1, 1, 0, false, OffsetDateTime.parse("2020-07-01T00:00:00+02:00"),
                        OffsetDateTime.parse("2021-01-01T00:00:00+01:00"), rates("16.00", "5.00", "0.00", "0.00")),
                new VatConfiguration(2, 1, 0, true, OffsetDateTime.parse("2021-01-01T00:00:00+01:00"), null,
                        rates("19.00", "7.00", "0.00", "0.00")),
                new VatConfiguration(3, 2, 1, false, OffsetDateTime.parse("2021-01-01T00:00:00+01:00"), null,
                        rates("20.00", "10.00", "13.00", "0.00")));
        OffsetDateTime configTime = now.minusDays(60);
        long categoryId = 1;
        List<Long> leaves = new ArrayList<>();
        // Siblings are positioned against their id order, so an order by id is visibly wrong.
        for (int t = 0; t < TOP.length; t++) {
            long topId = categoryId++;
            categories.add(new Category(topId, null, 1, TOP[t], TOP.length - t, configTime));
            for (int m = 0; m < MIDDLE.length; m++) {
                String middle = MIDDLE[m];
                long middleId = categoryId++;
                categories.add(new Category(middleId, topId, 2, middle, MIDDLE.length - m, configTime));
                for (int l = 0; l < LEAF.length; l++) {
                    long leafId = categoryId++;
                    categories.add(new Category(leafId, middleId, 3, LEAF[l] + " " + middle, LEAF.length - l, configTime));
                    leaves.add(leafId);
                }
            }
        }
        List<AttributeValue> colors = new ArrayList<>();
        for (int i = 0; i < COLORS.length; i++) {
            colors.add(new AttributeValue(101 + i, 1, COLORS[i].toLowerCase(), COLORS[i]));
        }
        List<AttributeValue> sizes = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            sizes.add(new AttributeValue(201 + i, 2, SIZES[i].toLowerCase(), SIZES[i]));
        }
        attributes.add(new Attribute(1, "color", "Farbe", colors));
        attributes.add(new Attribute(2, "size", "Größe", sizes));
        for (int i = 1; i <= 25; i++) {
            manufacturers.add(new Manufacturer(i, "Hersteller " + (char) ('A' + (i - 1) % 26) + " GmbH " + i));
        }
        long itemId = 100;
        long variationId = 1000;
        while (variations.size() < variationCount) {
            itemId++;
            String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
            OffsetDateTime itemTime = now.minusMinutes(60 * 24 * 30 - random.nextInt(60 * 24 * 29));
            items.put(itemId, new Item(itemId, name, "Beschreibung von " + name, 1 + random.nextInt(manufacturers.size()),
                    itemTime));
            int vatId = random.nextInt(10) == 0 ? 1 : 0;
            List<List<Long>> combinations = combinations(colors, sizes);
            int count = Math.min(combinations.size(), variationCount - variations.size());
            List<Long> itemCategories = List.of(leaves.get(random.nextInt(leaves.size())));
            for (int n = 0; n < count; n++) {
                long id = variationId++;
                variations.put(id, newVariation(id, itemId, n, vatId, combinations.get(n), itemCategories, itemTime));
            }
        }
    }

    private static List<BigDecimal> rates(String... rates) {
        return java.util.Arrays.stream(rates).map(BigDecimal::new).toList();
    }

    private List<List<Long>> combinations(List<AttributeValue> colors, List<AttributeValue> sizes) {
        if (random.nextInt(3) == 0) {
            return List.of(List.of());
        }
        int colorCount = 1 + random.nextInt(3);
        int sizeCount = 1 + random.nextInt(2);
        int firstColor = random.nextInt(colors.size() - colorCount + 1);
        int firstSize = random.nextInt(sizes.size() - sizeCount + 1);
        List<List<Long>> combinations = new ArrayList<>();
        for (int c = 0; c < colorCount; c++) {
            for (int s = 0; s < sizeCount; s++) {
                combinations.add(List.of(colors.get(firstColor + c).id(), sizes.get(firstSize + s).id()));
            }
        }
        return combinations;
    }

    private Variation newVariation(long id, long itemId, int n, int vatId, List<Long> attributeValues, List<Long> categoryIds,
                                   OffsetDateTime itemTime) {
        BigDecimal euro = BigDecimal.valueOf(499 + random.nextInt(19_500), 2);
        Map<Long, BigDecimal> prices = new LinkedHashMap<>();
        prices.put(1L, euro);
        if (random.nextInt(10) < 7) {
            prices.put(2L, euro.multiply(new BigDecimal("1.08")).setScale(2, RoundingMode.HALF_UP));
        }
        if (random.nextInt(10) < 6) {
            prices.put(3L, euro.multiply(new BigDecimal("1.25")).setScale(2, RoundingMode.HALF_UP));
        }
        if (random.nextInt(10) == 0) {
            prices.put(4L, euro.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_UP));
        }
        return new Variation(id, itemId, "A-" + itemId + "-" + (n + 1), n == 0, random.nextInt(20) != 0,
                itemTime.plusSeconds(n), ean(id), random.nextInt(500), random.nextInt(8) == 0 ? 5 : 1, vatId, prices,
                categoryIds, attributeValues);
    }

    /** A valid EAN-13 from the variation id. */
    static String ean(long id) {
        String body = String.format("400%09d", id % 1_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** N variations changed now: new stock, new prices; returns their ids. */
    List<Long> change(int count, OffsetDateTime now) {
        List<Long> ids = pick(count);
        for (long id : ids) {
            Variation v = variations.get(id);
            Map<Long, BigDecimal> prices = new LinkedHashMap<>();
            v.prices().forEach((list, price) -> prices.put(list, price.add(BigDecimal.ONE)));
            variations.put(id, v.with(random.nextInt(500), prices, v.categoryIds(), now));
        }
        return ids;
    }

    /** N variations broken now: without any price ({@code missing-price}) or in a category nobody knows. */
    List<Long> breakVariations(int count, String kind, OffsetDateTime now) {
        List<Long> ids = pick(count);
        for (long id : ids) {
            Variation v = variations.get(id);
            variations.put(id, switch (kind) {
                case "missing-price" -> v.with(v.stock(), Map.of(), v.categoryIds(), now);
                case "unknown-category" -> {
                    categoriesBeforeBreak.putIfAbsent(id, v.categoryIds());
                    yield v.with(v.stock(), v.prices(), List.of(999_999L), now);
                }
                default -> throw new IllegalArgumentException("kind must be missing-price or unknown-category");
            });
        }
        return ids;
    }

    /** Gives back a broken variation its first price list's price and a known category. */
    void repair(long id, OffsetDateTime now) {
        Variation v = variations.get(id);
        if (v == null) {
            throw new IllegalArgumentException("no variation " + id);
        }
        Map<Long, BigDecimal> prices = v.prices().isEmpty() ? Map.of(1L, new BigDecimal("9.99")) : v.prices();
        // Back in the category it had before it was broken.
        List<Long> known = v.categoryIds().contains(999_999L)
                ? categoriesBeforeBreak.getOrDefault(id, List.of(categories.get(2).id())) : v.categoryIds();
        variations.put(id, v.with(v.stock(), prices, known, now));
    }

    /** Variations deactivated now (isActive false, updatedAt moves, as Plenty does on a change). */
    void deactivate(List<Long> ids, OffsetDateTime now) {
        for (long id : ids) {
            Variation v = variations.get(id);
            if (v == null) {
                throw new IllegalArgumentException("no variation " + id);
            }
            variations.put(id, new Variation(id, v.itemId(), v.number(), v.isMain(), false, now, v.ean(), v.stock(), v.unitId(),
                    v.vatId(), v.prices(), v.categoryIds(), v.attributeValueIds()));
        }
    }

    /** Variations deleted: Plenty no longer lists them, and no listing says they are gone. */
    void delete(List<Long> ids) {
        for (long id : ids) {
            if (variations.remove(id) == null) {
                throw new IllegalArgumentException("no variation " + id);
            }
        }
    }

    /**
     * More values for an attribute (ids continue after its last, {@code Farbe 9}, …), which no
     * variation uses; an attribute has at most 99 values, its ids {@code attributeId * 100 + n}.
     */
    List<Long> addAttributeValues(long attributeId, int count) {
        Attribute attribute = attributes.stream().filter(a -> a.id() == attributeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no attribute " + attributeId));
        if (count < 1 || attribute.values().size() + count > 99) {
            throw new IllegalArgumentException("an attribute has 1 to 99 values; " + attribute.name() + " has " + attribute.values().size());
        }
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int number = attribute.values().size() + 1;
            long id = attributeId * 100 + number;
            attribute.values().add(new AttributeValue(id, attributeId, attribute.backendName() + "-" + number,
                    attribute.name() + " " + number));
            ids.add(id);
        }
        return ids;
    }

    /** A category moved under another parent (null: to the top) at a position; its subtree's levels follow. */
    void moveCategory(long id, Long parentId, int position, OffsetDateTime now) {
        Category moved = category(id);
        int level = parentId == null ? 1 : category(parentId).level() + 1;
        for (Long ancestor = parentId; ancestor != null; ancestor = category(ancestor).parentId()) {
            if (ancestor == id) {
                throw new IllegalArgumentException("category " + id + " cannot move under its own subtree");
            }
        }
        replace(new Category(id, parentId, level, moved.name(), position, now));
        relevel(id, level, now);
    }

    private void relevel(long parentId, int parentLevel, OffsetDateTime now) {
        for (Category child : List.copyOf(categories)) {
            if (child.parentId() != null && child.parentId() == parentId) {
                replace(new Category(child.id(), parentId, parentLevel + 1, child.name(), child.position(), now));
                relevel(child.id(), parentLevel + 1, now);
            }
        }
    }

    private Category category(long id) {
        return categories.stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no category " + id));
    }

    private void replace(Category category) {
        categories.replaceAll(c -> c.id() == category.id() ? category : c);
    }

    private List<Long> pick(int count) {
        List<Long> all = new ArrayList<>(variations.keySet());
        if (count < 0 || count > all.size()) {
            throw new IllegalArgumentException("count must be between 0 and " + all.size());
        }
        java.util.Collections.shuffle(all, random);
        return all.subList(0, count).stream().sorted().toList();
    }
}
