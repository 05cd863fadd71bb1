package dev.syncline.catalog.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The sandbox's catalog read through Plenty's own API, and what a Shopware product made from a
 * variation must therefore say, field by field.
 */
public final class PlentyTruth {

    private static final String RELATIONS = "variationSalesPrices,variationCategories,variationAttributeValues,variationBarcodes,stock,unit";
    private static final String EUR = "b7d2554b0ce847cd82f3ac9bd1c0dfca";

    public final List<Map<String, Object>> variations;
    private final Map<Long, Map<String, Object>> items;
    private final Map<Long, String> categoryNames = new HashMap<>();
    private final Map<Long, String> valueNames = new HashMap<>();
    private final Map<Long, String> manufacturerNames = new HashMap<>();
    private final Map<Long, String> unitCodes = new HashMap<>();
    private final Map<Long, BigDecimal> vatRates = new HashMap<>();

    public PlentyTruth(PlentySandbox plenty) {
        variations = plenty.all("/items/variations", Map.of("with", RELATIONS));
        items = plenty.all("/items", Map.of()).stream().collect(Collectors.toMap(i -> id(i.get("id")), i -> i));
        plenty.all("/categories", Map.of()).forEach(c -> categoryNames.put(id(c.get("id")), (String) first(c, "details").get("name")));
        plenty.all("/items/attributes", Map.of()).forEach(a -> plenty.all("/items/attributes/" + a.get("id") + "/values", Map.of())
                .forEach(v -> valueNames.put(id(v.get("id")), (String) first(v, "valueNames").get("name"))));
        plenty.all("/items/manufacturers", Map.of()).forEach(m -> manufacturerNames.put(id(m.get("id")), (String) m.get("name")));
        plenty.all("/items/units", Map.of()).forEach(u -> unitCodes.put(id(u.get("id")), (String) u.get("unitOfMeasurement")));
        standardVatRates(plenty).forEach(r -> vatRates.put(id(r.get("id")), new BigDecimal(r.get("vatRate").toString())));
    }

    /** Products Shopware must hold: one per variation, plus one parent per item whose variations have attributes. */
    public int expectedProducts() {
        long parents = variations.stream().filter(PlentyTruth::isVariant).map(v -> id(v.get("itemId"))).distinct().count();
        return variations.size() + (int) parents;
    }

    public static boolean isVariant(Map<String, Object> variation) {
        return !((List<?>) variation.get("variationAttributeValues")).isEmpty();
    }

    /**
     * The differences between what Shopware holds for a variation and what Plenty says; empty when
     * they agree. {@code byNumber} is the shop's products by product number.
     */
    @SuppressWarnings("unchecked")
    public List<String> differences(Map<String, Object> v, Map<String, Map<String, Object>> byNumber) {
        List<String> wrong = new java.util.ArrayList<>();
        String number = (String) v.get("number");
        Map<String, Object> product = byNumber.get(number);
        if (product == null) {
            return List.of(number + ": missing");
        }
        Map<String, Object> item = items.get(id(v.get("itemId")));
        Map<String, Object> owner = product;
        if (isVariant(v)) {
            owner = byNumber.get("P-" + v.get("itemId"));
            if (owner == null || !Objects.equals(owner.get("id"), product.get("parentId"))) {
                return List.of(number + ": no parent P-" + v.get("itemId"));
            }
            List<String> options = ((List<Map<String, Object>>) product.get("options")).stream().map(o -> (String) o.get("name")).sorted().toList();
            List<String> expected = ((List<Map<String, Object>>) v.get("variationAttributeValues")).stream()
                    .map(a -> valueNames.get(id(a.get("valueId")))).sorted().toList();
            check(wrong, number, "options", expected, options);
        }
        if (isVariant(v)) {
            List<Object> offered = ((List<Map<String, Object>>) owner.get("configuratorSettings")).stream()
                    .map(setting -> setting.get("optionId")).toList();
            if (!offered.containsAll((List<Object>) product.get("optionIds"))) {
                wrong.add(number + " options: the parent offers " + offered + ", not all of " + product.get("optionIds"));
            }
        }
        if (((List<?>) owner.get("visibilities")).isEmpty()) {
            wrong.add(number + ": visible in no sales channel");
        }
        check(wrong, number, "stock", ((List<Map<String, Object>>) v.get("stock")).stream()
                .mapToInt(s -> ((Number) (s.containsKey("netStock") ? s.get("netStock") : s.get("stockNet"))).intValue()).sum(),
                ((Number) product.get("stock")).intValue());
        check(wrong, number, "ean", first(v, "variationBarcodes").get("code"), product.get("ean"));
        check(wrong, number, "active", v.get("isActive"), product.get("active"));
        BigDecimal rate = vatRates.get(id(v.get("vatId")));
        // The sandbox's lists: 1 selling EUR, 2 selling CHF, 3 RRP for every currency (the EUR list price), 4 a special offer.
        Map<String, List<String>> prices = new HashMap<>();
        BigDecimal rrp = null;
        for (Map<String, Object> price : (List<Map<String, Object>>) v.get("variationSalesPrices")) {
            if (id(price.get("salesPriceId")) == 3) {
                rrp = new BigDecimal(price.get("price").toString());
            }
        }
        for (Map<String, Object> price : (List<Map<String, Object>>) v.get("variationSalesPrices")) {
            long list = id(price.get("salesPriceId"));
            if (list == 1 || list == 2) {
                BigDecimal gross = new BigDecimal(price.get("price").toString());
                List<String> expected = new java.util.ArrayList<>(List.of(plain(gross), plain(net(gross, rate))));
                if (list == 1 && rrp != null) {
                    expected.addAll(List.of(plain(rrp), plain(net(rrp, rate))));
                }
                prices.put(list == 1 ? EUR : "CHF", expected);
            }
        }
        Map<String, List<String>> written = new HashMap<>();
        for (Map<String, Object> price : (List<Map<String, Object>>) product.get("price")) {
            String currency = EUR.equals(price.get("currencyId")) ? EUR : "CHF";
            List<String> actual = new java.util.ArrayList<>(List.of(plain(price.get("gross")), plain(price.get("net"))));
            Map<String, Object> listPrice = (Map<String, Object>) price.get("listPrice");
            if (listPrice != null) {
                actual.addAll(List.of(plain(listPrice.get("gross")), plain(listPrice.get("net"))));
            }
            written.put(currency, actual);
        }
        check(wrong, number, "prices", prices, written);
        Map<String, Object> tax = (Map<String, Object>) owner.get("tax");
        check(wrong, number, "taxRate", rate.stripTrailingZeros(), new BigDecimal(tax.get("taxRate").toString()).stripTrailingZeros());
        check(wrong, number, "name", first(item, "texts").get("name1"), owner.get("name"));
        check(wrong, number, "categories", ((List<Map<String, Object>>) v.get("variationCategories")).stream()
                        .map(c -> categoryNames.get(id(c.get("categoryId")))).sorted().toList(),
                ((List<Map<String, Object>>) owner.get("categories")).stream().map(c -> (String) c.get("name")).sorted().toList());
        check(wrong, number, "manufacturer", manufacturerNames.get(id(item.get("manufacturerId"))),
                ((Map<String, Object>) owner.get("manufacturer")).get("name"));
        long unit = id(v.get("unitId"));
        Map<String, Object> writtenUnit = (Map<String, Object>) product.get("unit");
        check(wrong, number, "unit", unitCodes.get(unit), writtenUnit == null ? null : writtenUnit.get("shortCode"));
        return wrong;
    }

    private static BigDecimal net(BigDecimal gross, BigDecimal rate) {
        return gross.divide(BigDecimal.ONE.add(rate.movePointLeft(2)), 2, RoundingMode.HALF_UP);
    }

    private static String plain(Object number) {
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }

    /** The rates of the standard VAT configuration, which a variation's vatId (0 to 3) names. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> standardVatRates(PlentySandbox plenty) {
        return (List<Map<String, Object>>) plenty.one("/vat/standard").get("vatRates");
    }

    private static void check(List<String> wrong, String number, String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            wrong.add(number + " " + field + ": Plenty " + expected + ", Shopware " + actual);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> entry, String list) {
        return ((List<Map<String, Object>>) entry.get(list)).get(0);
    }

    public static long id(Object value) {
        return ((Number) value).longValue();
    }

    public static Map<String, Map<String, Object>> byNumber(List<Map<String, Object>> products) {
        Map<String, Map<String, Object>> map = new HashMap<>();
        for (Map<String, Object> product : products) {
            if (map.put((String) product.get("productNumber"), product) != null) {
                throw new AssertionError("Two products with number " + product.get("productNumber"));
            }
        }
        return map;
    }
}
