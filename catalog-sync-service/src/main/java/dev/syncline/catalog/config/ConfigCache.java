package dev.syncline.catalog.config;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A tenant's Plenty configuration as cached: categories (with their hierarchy), attributes and
 * their values, sales prices, manufacturers, units and VAT rates. The product sync reads it to
 * transform variations; the API shows it.
 */
public record ConfigCache(OffsetDateTime refreshedAt, long runId, Map<Long, Category> categories,
                          Map<Long, Attribute> attributes, Map<Long, AttributeValue> attributeValues,
                          Map<Long, SalesPrice> salesPrices, Map<Long, Manufacturer> manufacturers, Map<Long, Unit> units,
                          Map<Long, BigDecimal> vatRates) {

    public record Category(long id, Long parentId, int level, String name) {
    }

    public record Attribute(long id, String backendName, String name) {
    }

    public record AttributeValue(long id, long attributeId, String backendName, String name) {
    }

    public record SalesPrice(long id, String name, String currency, boolean isDefault) {
    }

    public record Manufacturer(long id, String name) {
    }

    public record Unit(long id, String unitOfMeasurement, String name) {
    }

    /** The price list every variation must have a price in (the one Plenty displays by default, else the first). */
    public SalesPrice defaultSalesPrice() {
        return salesPrices.values().stream().filter(SalesPrice::isDefault).findFirst()
                .orElse(salesPrices.values().stream().findFirst().orElse(null));
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
