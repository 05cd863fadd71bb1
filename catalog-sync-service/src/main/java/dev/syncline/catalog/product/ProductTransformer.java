package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.catalog.config.ConfigCache;
import dev.syncline.catalog.image.ShopImage;
import dev.syncline.catalog.plenty.PlentyRecords.Item;
import dev.syncline.catalog.plenty.PlentyRecords.Variation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plenty variations to Shopware products. A variation with attribute values is a variant of its
 * item's parent product, with the values as options (the property groups are written before, by
 * {@link ShopSetup}); one without is a product of its own. The parent (name, texts, tax,
 * categories, manufacturer, the main variation's price, its visibility in every storefront) is
 * written with the item's main variation, and every variant adds its options to the parent's
 * configurator settings, so that the storefront offers the choice. Prices come from the selling
 * price lists (Plenty type default) in the currencies the shop knows, with the RRP (type rrp) as
 * list price; the shop's default currency is always priced, converted with the currency's factor
 * when Plenty has no price in it. A variation that needs something the config cache or the shop
 * does not know is rejected with the reason. The item's images (uploaded before) are the media of
 * the parent and of a product of its own, the first by position the cover; a variant has none of
 * its own and shows its parent's, as Shopware's variants inherit media and cover.
 */
public final class ProductTransformer {

    /** What a variation became: products, or the reason it could not become one. */
    public record Transformed(List<ShopwareProduct> products, String rejection) {
    }

    /** Shopware's "visible in listings and search" (ProductVisibilityDefinition::VISIBILITY_ALL). */
    static final int VISIBILITY_ALL = 30;

    private final UUID tenant;
    private final String language;
    private final ConfigCache cache;
    private final ShopContext shop;
    private final ObjectMapper mapper;

    public ProductTransformer(UUID tenant, String language, ConfigCache cache, ShopContext shop, ObjectMapper mapper) {
        this.tenant = tenant;
        this.language = language;
        this.cache = cache;
        this.shop = shop;
        this.mapper = mapper;
    }

    ShopContext shop() {
        return shop;
    }

    /** The shop's folder for product images, null when it has none. */
    public String mediaFolderId() {
        return shop.productMediaFolderId();
    }

    public Transformed transform(Variation v, Item item) {
        return transform(v, item, List.of());
    }

    /** With the item's images in the shop: a parent and a product of its own show them, a variant inherits its parent's. */
    public Transformed transform(Variation v, Item item, List<ShopImage> images) {
        String problem = problemWith(v, item);
        if (problem != null) {
            return new Transformed(List.of(), "Variation " + v.id() + " (" + v.number() + ") " + problem);
        }
        String id = ShopwareIds.of(tenant, "variation", v.id());
        if (v.variationAttributeValues().isEmpty()) {
            ObjectNode product = productFields(id, v.number(), v, item, images);
            variationFields(product, v);
            return new Transformed(List.of(new ShopwareProduct(id, null, v.number(), product, Set.of(v.id()))), null);
        }
        String parentId = ShopwareIds.of(tenant, "item", item.id());
        ObjectNode variant = mapper.createObjectNode().put("id", id).put("parentId", parentId).put("productNumber", v.number());
        variationFields(variant, v);
        ArrayNode options = variant.putArray("options");
        ObjectNode choices = mapper.createObjectNode().put("id", parentId);
        ArrayNode settings = choices.putArray("configuratorSettings");
        for (Variation.AttributeValue value : v.variationAttributeValues()) {
            String optionId = ShopwareIds.of(tenant, "option", value.valueId());
            options.addObject().put("id", optionId);
            settings.addObject().put("id", ShopwareIds.link(tenant, "configurator", parentId, optionId)).put("optionId", optionId);
        }
        List<ShopwareProduct> products = new ArrayList<>();
        if (v.isMain()) {
            // The parent is the item's main variation's: written with it, so that a change of another
            // variant leaves the parent as it is.
            ObjectNode parent = productFields(parentId, "P-" + item.id(), v, item, images);
            parent.put("stock", 0);
            products.add(new ShopwareProduct(parentId, null, "P-" + item.id(), parent, Set.of(v.id())));
        }
        products.add(new ShopwareProduct(parentId, null, null, choices, Set.of(v.id())));
        products.add(new ShopwareProduct(id, parentId, v.number(), variant, Set.of(v.id())));
        return new Transformed(products, null);
    }

    /** Why the variation cannot be sent, in words; null when it can. */
    private String problemWith(Variation v, Item item) {
        if (item == null) {
            return "belongs to item " + v.itemId() + ", which Plenty did not return";
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
        if (v.vatId() == null || !cache.vatRates().containsKey(v.vatId().longValue())) {
            return "has VAT id " + v.vatId() + ", which the standard VAT configuration in the config cache does not have "
                    + "(run a CONFIG sync)";
        }
        if (shop.taxId(rate(v)) == null) {
            return "has VAT rate " + rate(v).stripTrailingZeros().toPlainString() + " %, for which the shop has no tax";
        }
        if (defaultGross(sellingPrices(v)) == null) {
            return "has no selling price (a Plenty price list of type default) in the shop's default currency " + shop.defaultIso()
                    + ", nor in another currency the shop knows";
        }
        if (item.manufacturerId() != null && item.manufacturerId() != 0 && !cache.manufacturers().containsKey(item.manufacturerId())) {
            return "is made by manufacturer " + item.manufacturerId() + ", which the config cache does not know (run a CONFIG sync)";
        }
        if (v.unitId() != null && v.unitId() != 0 && !cache.units().containsKey(v.unitId())) {
            return "is measured in unit " + v.unitId() + ", which the config cache does not know (run a CONFIG sync)";
        }
        return null;
    }

    /** What a product of its own and a parent have: name, texts, tax, price, categories, manufacturer, visibilities, images. */
    private ObjectNode productFields(String id, String number, Variation v, Item item, List<ShopImage> images) {
        Item.Text text = item.text(language);
        ObjectNode product = mapper.createObjectNode().put("id", id).put("productNumber", number)
                .put("name", text.name1()).put("active", true);
        if (text.description() != null) {
            product.put("description", text.description());
        }
        product.put("taxId", shop.taxId(rate(v)));
        product.set("price", prices(v));
        ArrayNode categories = product.putArray("categories");
        for (Variation.Category category : v.variationCategories()) {
            categories.addObject().put("id", ShopwareIds.of(tenant, "category", category.categoryId()));
        }
        if (item.manufacturerId() != null && item.manufacturerId() != 0) {
            product.putObject("manufacturer").put("id", ShopwareIds.of(tenant, "manufacturer", item.manufacturerId()))
                    .put("name", cache.manufacturers().get(item.manufacturerId()).name());
        }
        ArrayNode visibilities = product.putArray("visibilities");
        for (String channel : shop.salesChannelIds()) {
            visibilities.addObject().put("id", ShopwareIds.link(tenant, "visibility", id, channel))
                    .put("salesChannelId", channel).put("visibility", VISIBILITY_ALL);
        }
        images(product, id, images);
        return product;
    }

    /** The item's images in Plenty's order as the product's media, the first one its cover. */
    private void images(ObjectNode product, String productId, List<ShopImage> images) {
        if (images.isEmpty()) {
            return;
        }
        ArrayNode media = product.putArray("media");
        for (ShopImage image : images) {
            media.addObject().put("id", ShopwareIds.link(tenant, "product-media", productId, image.mediaId()))
                    .put("mediaId", image.mediaId()).put("position", image.position());
        }
        product.put("coverId", media.get(0).get("id").asText());
    }

    /** What every variation sets on its own product: EAN, stock, active, its prices, unit. */
    private void variationFields(ObjectNode product, Variation v) {
        product.put("active", v.isActive()).put("stock", stock(v));
        v.variationBarcodes().stream().map(Variation.Barcode::code).filter(code -> code != null && !code.isBlank())
                .findFirst().ifPresent(ean -> product.put("ean", ean));
        product.set("price", prices(v));
        if (v.unitId() != null && v.unitId() != 0) {
            ConfigCache.Unit unit = cache.units().get(v.unitId());
            product.putObject("unit").put("id", ShopwareIds.of(tenant, "unit", unit.id()))
                    .put("shortCode", unit.unitOfMeasurement()).put("name", unit.name());
        }
    }

    /** One price per currency the shop knows, the default currency's first, each with the RRP in it as list price. */
    private ArrayNode prices(Variation v) {
        BigDecimal rate = rate(v);
        Map<String, BigDecimal> selling = sellingPrices(v);
        Map<String, BigDecimal> recommended = known(pricesOfType(v, ConfigCache.SalesPrice.RRP));
        Map<String, BigDecimal> gross = new LinkedHashMap<>();
        gross.put(shop.defaultIso(), defaultGross(selling));
        selling.forEach(gross::putIfAbsent);
        ArrayNode prices = mapper.createArrayNode();
        gross.forEach((iso, amount) -> {
            String currencyId = shop.currencies().get(iso).id();
            ObjectNode price = prices.addObject().put("currencyId", currencyId)
                    .put("gross", amount).put("net", net(amount, rate)).put("linked", true);
            BigDecimal listPrice = recommended.get(iso);
            if (listPrice != null) {
                price.putObject("listPrice").put("currencyId", currencyId)
                        .put("gross", listPrice).put("net", net(listPrice, rate)).put("linked", true);
            }
        });
        return prices;
    }

    private Map<String, BigDecimal> sellingPrices(Variation v) {
        return known(pricesOfType(v, ConfigCache.SalesPrice.SELLING));
    }

    /** The default currency's gross price: Plenty's own, else converted from another currency with its factor. */
    private BigDecimal defaultGross(Map<String, BigDecimal> selling) {
        BigDecimal own = selling.get(shop.defaultIso());
        if (own != null) {
            return own;
        }
        for (Map.Entry<String, BigDecimal> price : selling.entrySet()) {
            BigDecimal factor = shop.currencies().get(price.getKey()).factor();
            if (factor != null && factor.signum() > 0) {
                return price.getValue().divide(factor, 2, RoundingMode.HALF_UP);
            }
        }
        return null;
    }

    /** Only the currencies the shop has. */
    private Map<String, BigDecimal> known(Map<String, BigDecimal> byCurrency) {
        Map<String, BigDecimal> known = new LinkedHashMap<>();
        byCurrency.forEach((iso, price) -> {
            if (shop.currencies().containsKey(iso)) {
                known.put(iso, price);
            }
        });
        return known;
    }

    /** The variation's prices in lists of a type, by currency; a list for every currency ("-1") stands for the default one. */
    private Map<String, BigDecimal> pricesOfType(Variation v, String type) {
        Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
        for (Variation.SalesPrice price : v.variationSalesPrices()) {
            ConfigCache.SalesPrice list = cache.salesPrices().get(price.salesPriceId());
            if (list != null && price.price() != null && type.equals(list.type())) {
                String currency = ConfigCache.SalesPrice.EVERY_CURRENCY.equals(list.currency()) ? shop.defaultIso() : list.currency();
                byCurrency.putIfAbsent(currency, price.price());
            }
        }
        return byCurrency;
    }

    private static BigDecimal net(BigDecimal gross, BigDecimal rate) {
        return gross.divide(BigDecimal.ONE.add(rate.movePointLeft(2)), 2, RoundingMode.HALF_UP);
    }

    private BigDecimal rate(Variation v) {
        return cache.vatRates().get(v.vatId().longValue());
    }

    private static int stock(Variation v) {
        return v.stock().stream().map(Variation.Stock::net).filter(s -> s != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add).intValue();
    }
}
