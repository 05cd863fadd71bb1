package dev.syncline.catalog.config;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A tenant's Plenty configuration as cached: categories (with their hierarchy), attributes and
 * their values, sales prices, manufacturers, units and the VAT rates of the standard VAT
 * configuration by their id (0 to 3, what a variation's vatId names). The product sync reads it
 * to transform variations; the API shows it.
 */
public record ConfigCache(OffsetDateTime refreshedAt, long runId, Map<Long, Category> categories,
                          Map<Long, Attribute> attributes, Map<Long, AttributeValue> attributeValues,
                          Map<Long, SalesPrice> salesPrices, Map<Long, Manufacturer> manufacturers, Map<Long, Unit> units,
                          Map<Long, BigDecimal> vatRates) {

    /**
     * {@code name} in the tenant's language; {@code translations} its names in the tenant's
     * translation languages that Plenty has (language code to name); {@code position}: Plenty's
     * order among the category's siblings.
     */
    public record Category(long id, Long parentId, int level, String name, int position, Map<String, String> translations) {

        public Category {
            translations = translations == null ? Map.of() : translations;
        }
    }

    public record Attribute(long id, String backendName, String name) {
    }

    public record AttributeValue(long id, long attributeId, String backendName, String name) {
    }

    /**
     * A price list: its {@code type} says what its prices are (default: selling prices, rrp: the
     * recommended retail price, others are not synced); currency "-1" stands for every currency.
     */
    public record SalesPrice(long id, String name, String type, String currency) {

        public static final String SELLING = "default";
        public static final String RRP = "rrp";
        public static final String EVERY_CURRENCY = "-1";

        /** Whether this list's prices are in the given currency. */
        public boolean in(String iso) {
            return EVERY_CURRENCY.equals(currency) || iso.equals(currency);
        }
    }

    public record Manufacturer(long id, String name) {
    }

    public record Unit(long id, String unitOfMeasurement, String name) {
    }

    /**
     * The selling price list (type default) in the shop's default currency, which every variation
     * must have a price in; null when Plenty has none. Plenty's "displayed by default" flag is only
     * its back end's choice and marks RRP lists too.
     */
    public SalesPrice sellingPriceList(String defaultCurrency) {
        return salesPrices.values().stream().filter(p -> SalesPrice.SELLING.equals(p.type()) && defaultCurrency.equals(p.currency()))
                .findFirst()
                .orElse(salesPrices.values().stream().filter(p -> SalesPrice.SELLING.equals(p.type()) && p.in(defaultCurrency))
                        .findFirst().orElse(null));
    }

    public int entries() {
        return categories.size() + attributes.size() + attributeValues.size() + salesPrices.size() + manufacturers.size()
                + units.size() + vatRates.size();
    }

    /** The same, as lists in id order, for the API. */
    public record View(OffsetDateTime refreshedAt, long runId, List<Category> categories, List<Attribute> attributes,
                       List<AttributeValue> attributeValues, List<SalesPrice> salesPrices, List<Manufacturer> manufacturers,
                       List<Unit> units, Map<Long, BigDecimal> vatRates) {
    }

    public View view() {
        return new View(refreshedAt, runId, List.copyOf(categories.values()), List.copyOf(attributes.values()),
                List.copyOf(attributeValues.values()), List.copyOf(salesPrices.values()), List.copyOf(manufacturers.values()),
                List.copyOf(units.values()), vatRates);
    }
}
