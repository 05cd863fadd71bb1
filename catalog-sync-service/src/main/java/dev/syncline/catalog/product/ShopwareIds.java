package dev.syncline.catalog.product;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Shopware ids derived from the tenant and Plenty's ids: the same variation is always the same
 * product, so a batch sent twice (a retry, a rescued job) updates instead of creating twice.
 */
public final class ShopwareIds {

    /** Shopware's default currency (EUR) has this id in every installation. */
    static final String EUR = "b7d2554b0ce847cd82f3ac9bd1c0dfca";

    private ShopwareIds() {
    }

    public static String of(UUID tenant, String kind, long plentyId) {
        return hex(tenant + ":" + kind + ":" + plentyId);
    }

    /** Currencies are the shop's, not the tenant's: EUR is Shopware's default, others a stable id per ISO code. */
    static String currency(String iso) {
        return "EUR".equals(iso) ? EUR : hex("currency:" + iso);
    }

    private static String hex(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
