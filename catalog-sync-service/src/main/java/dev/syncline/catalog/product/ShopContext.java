package dev.syncline.catalog.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a product run needs to know of the tenant's shop: its default currency (Shopware's
 * Defaults::CURRENCY, whatever ISO code it has), the ids and factors of the currencies it knows by
 * ISO code, the tax to use for each Plenty VAT rate, the sales channels products are made visible
 * in, the category the Plenty tree hangs under, the shop's folder for product media (null when
 * it has none), whose thumbnail settings the images get, and the shop languages item texts are
 * written to besides the system language.
 */
public record ShopContext(String defaultIso, Map<String, Currency> currencies, Map<BigDecimal, String> taxIds,
                          List<String> salesChannelIds, String rootCategoryId, int taxesCreated, String productMediaFolderId,
                          List<TextLanguage> textLanguages) {

    /** A shop language ({@code id}, {@code localeCode}) that gets the item texts of a Plenty language. */
    public record TextLanguage(String plentyLanguage, String id, String localeCode) {
    }

    /** A shop currency: its id and its factor against the default currency (Shopware: 1 default = factor units). */
    public record Currency(String id, BigDecimal factor) {
    }

    /** The tax of a VAT rate; a rate compares by value (19, 19.0 and 19.00 are one rate). */
    public String taxId(BigDecimal rate) {
        return taxIds.get(rate.stripTrailingZeros());
    }

    /**
     * The mock shop: EUR as default currency and any other currency at a stable id, a tax per rate
     * at a stable id, no sales channel, no root category and no media folder.
     */
    static ShopContext mock(UUID tenant, Iterable<BigDecimal> rates, Iterable<String> isoCodes) {
        Map<String, Currency> currencies = new java.util.LinkedHashMap<>();
        currencies.put("EUR", new Currency(ShopwareIds.mockCurrency("EUR"), BigDecimal.ONE));
        isoCodes.forEach(iso -> currencies.putIfAbsent(iso, new Currency(ShopwareIds.mockCurrency(iso), BigDecimal.ONE)));
        Map<BigDecimal, String> taxes = new java.util.LinkedHashMap<>();
        rates.forEach(rate -> taxes.put(rate.stripTrailingZeros(), ShopSetup.createdTaxId(tenant, rate)));
        return new ShopContext("EUR", currencies, taxes, List.of(), null, 0, null, List.of());
    }
}
