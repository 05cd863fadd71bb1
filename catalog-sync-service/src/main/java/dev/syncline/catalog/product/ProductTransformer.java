package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.catalog.config.ConfigCache;
import dev.syncline.catalog.plenty.PlentyRecords.Item;
import dev.syncline.catalog.plenty.PlentyRecords.Variation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Plenty variations to Shopware products. A variation with attribute values is a variant of its
 * item's parent product, with the values as options; one without is a product of its own. The
 * parent (name, texts, tax, categories, manufacturer, the main variation's price) is written with
 * the item's main variation. Prices
 * per currency (gross as Plenty keeps them, net from the item's VAT rate), the tax, categories,
 * manufacturer and unit come from the tenant's config cache; a variation that needs something the
 * cache does not know, or has no price in the default price list, is rejected with the reason.
 */
public final class ProductTransformer {

    /** What a variation became: products, or the reason it could not become one. */
    public record Transformed(List<ShopwareProduct> products, String rejection) {
    }

    private final UUID tenant;
    private final String language;
    private final ConfigCache cache;
    private final ObjectMapper mapper;

    public ProductTransformer(UUID tenant, String language, ConfigCache cache, ObjectMapper mapper) {
        this.tenant = tenant;
        this.language = language;
        this.cache = cache;
        this.mapper = mapper;
    }

    public Transformed transform(Variation v, Item item) {
        String problem = problemWith(v, item);
        if (problem != null) {
            return new Transformed(List.of(), "Variation " + v.id() + " (" + v.number() + ") " + problem);
        }
        if (v.variationAttributeValues().isEmpty()) {
            String id = ShopwareIds.of(tenant, "variation", v.id());
            ObjectNode product = productFields(id, v.number(), v, item);
            variationFields(product, v, cache.vatRates().get(item.vatId()));
            return new Transformed(List.of(new ShopwareProduct(id, null, v.number(), product, Set.of(v.id()))), null);
        }
        String parentId = ShopwareIds.of(tenant, "item", item.id());
        String id = ShopwareIds.of(tenant, "variation", v.id());
        ObjectNode variant = mapper.createObjectNode().put("id", id).put("parentId", parentId).put("productNumber", v.number());
        variationFields(variant, v, cache.vatRates().get(item.vatId()));
        ArrayNode options = variant.putArray("options");
        for (Variation.AttributeValue value : v.variationAttributeValues()) {
            ConfigCache.AttributeValue known = cache.attributeValues().get(value.valueId());
            ConfigCache.Attribute attribute = cache.attributes().get(known.attributeId());
            ObjectNode option = options.addObject().put("id", ShopwareIds.of(tenant, "option", known.id())).put("name", known.name());
            option.putObject("group").put("id", ShopwareIds.of(tenant, "property-group", attribute.id())).put("name", attribute.name());
        }
        ShopwareProduct variantProduct = new ShopwareProduct(id, parentId, v.number(), variant, Set.of(v.id()));
        if (!v.isMain()) {
            return new Transformed(List.of(variantProduct), null);
        }
        // The parent is the item's main variation's: written with it, so that a change of another
        // variant leaves the parent as it is.
        ObjectNode parent = productFields(parentId, "P-" + item.id(), v, item);
        parent.put("stock", 0);
        return new Transformed(List.of(new ShopwareProduct(parentId, null, "P-" + item.id(), parent, Set.of(v.id())), variantProduct), null);
    }

    /** Why the variation cannot be sent, in words; null when it can. */
    private String problemWith(Variation v, Item item) {
        if (item == null) {
            return "belongs to item " + v.itemId() + ", which Plenty did not return";
        }
        ConfigCache.SalesPrice defaultPrice = cache.defaultSalesPrice();
        if (defaultPrice == null) {
            return "cannot be priced: the config cache has no sales prices (run a CONFIG sync)";
        }
        if (v.variationSalesPrices().stream().noneMatch(p -> p.salesPriceId() == defaultPrice.id() && p.price() != null)) {
            return "has no price in the price list '" + defaultPrice.name() + "'";
        }
        for (Variation.Category category : v.variationCategories()) {
            if (!cache.categories().containsKey(category.categoryId())) {
                return "is in category " + category.categoryId() + ", which the config cache does not know (run a CONFIG sync)";
            }
        }
        for (Variation.AttributeValue value : v.variationAttributeValues()) {
            ConfigCache.AttributeValue known = cache.attributeValues().get(value.valueId());
            if (known == null || !cache.attributes().containsKey(known.attributeId())) {
                return "has attribute value " + value.valueId() + ", which the config cache does not know (run a CONFIG sync)";
            }
        }
        if (item.vatId() == null || !cache.vatRates().containsKey(item.vatId())) {
            return "has VAT id " + item.vatId() + ", which the config cache does not know (run a CONFIG sync)";
        }
        if (item.manufacturerId() != null && item.manufacturerId() != 0 && !cache.manufacturers().containsKey(item.manufacturerId())) {
            return "is made by manufacturer " + item.manufacturerId() + ", which the config cache does not know (run a CONFIG sync)";
        }
        if (v.unitId() != null && v.unitId() != 0 && !cache.units().containsKey(v.unitId())) {
            return "is measured in unit " + v.unitId() + ", which the config cache does not know (run a CONFIG sync)";
        }
        return null;
    }

    /** What a product of its own and a parent have: name, texts, tax, price, categories, manufacturer. */
    private ObjectNode productFields(String id, String number, Variation v, Item item) {
        Item.Text text = item.text(language);
        BigDecimal rate = cache.vatRates().get(item.vatId());
        ObjectNode product = mapper.createObjectNode().put("id", id).put("productNumber", number)
                .put("name", text.name1()).put("active", true);
        if (text.description() != null) {
            product.put("description", text.description());
        }
        product.putObject("tax").put("id", ShopwareIds.of(tenant, "tax", item.vatId())).put("taxRate", rate)
                .put("name", rate.stripTrailingZeros().toPlainString() + " %");
        product.set("price", prices(v, rate));
        ArrayNode categories = product.putArray("categories");
        for (Variation.Category category : v.variationCategories()) {
            categories.addObject().put("id", ShopwareIds.of(tenant, "category", category.categoryId()))
                    .put("name", cache.categories().get(category.categoryId()).name());
        }
        if (item.manufacturerId() != null && item.manufacturerId() != 0) {
            product.putObject("manufacturer").put("id", ShopwareIds.of(tenant, "manufacturer", item.manufacturerId()))
                    .put("name", cache.manufacturers().get(item.manufacturerId()).name());
        }
        return product;
    }

    /** What every variation sets on its own product: EAN, stock, active, its prices, unit. */
    private void variationFields(ObjectNode product, Variation v, BigDecimal rate) {
        product.put("active", v.isActive()).put("stock", stock(v));
        v.variationBarcodes().stream().map(Variation.Barcode::code).filter(code -> code != null && !code.isBlank())
                .findFirst().ifPresent(ean -> product.put("ean", ean));
        product.set("price", prices(v, rate));
        if (v.unitId() != null && v.unitId() != 0) {
            ConfigCache.Unit unit = cache.units().get(v.unitId());
            product.putObject("unit").put("id", ShopwareIds.of(tenant, "unit", unit.id()))
                    .put("shortCode", unit.unitOfMeasurement()).put("name", unit.name());
        }
    }

    private ArrayNode prices(Variation v, BigDecimal rate) {
        ArrayNode prices = mapper.createArrayNode();
        Set<String> currencies = new LinkedHashSet<>();
        for (Variation.SalesPrice price : v.variationSalesPrices()) {
            ConfigCache.SalesPrice list = cache.salesPrices().get(price.salesPriceId());
            if (list != null && price.price() != null && currencies.add(list.currency())) {
                BigDecimal net = price.price().divide(BigDecimal.ONE.add(rate.movePointLeft(2)), 2, RoundingMode.HALF_UP);
                prices.addObject().put("currencyId", ShopwareIds.currency(list.currency()))
                        .put("gross", price.price()).put("net", net).put("linked", true);
            }
        }
        return prices;
    }

    private static int stock(Variation v) {
        return v.stock().stream().map(Variation.Stock::netStock).filter(s -> s != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add).intValue();
    }
}
