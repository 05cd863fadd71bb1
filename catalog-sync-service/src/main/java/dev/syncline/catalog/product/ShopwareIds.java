package dev.syncline.catalog.product;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Shopware ids derived from the tenant and Plenty's ids: the same variation is always the same
 * product, so a batch sent twice (a retry, a rescued job) updates instead of creating twice.
 */
public final class ShopwareIds {

    /** Defaults::CURRENCY: the shop's default currency (whichever ISO code it has) has this id in every installation. */
    static final String DEFAULT_CURRENCY = "b7d2554b0ce847cd82f3ac9bd1c0dfca";
    /** Defaults::LANGUAGE_SYSTEM: the language every record must have its texts in, whichever locale it is. */
    static final String SYSTEM_LANGUAGE = "2fbb5fe2e29a4d70aa5854ce7ce3e20b";

    private ShopwareIds() {
    }

    public static String of(UUID tenant, String kind, long plentyId) {
        return hex(tenant + ":" + kind + ":" + plentyId);
    }

    /** The id of a row that links two others (a visibility, a configurator setting): one per pair. */
    static String link(UUID tenant, String kind, String one, String other) {
        return hex(tenant + ":" + kind + ":" + one + ":" + other);
    }

    /** The mock shop's currencies: EUR is its default, others a stable id per ISO code (a real shop's are looked up). */
    static String mockCurrency(String iso) {
        return "EUR".equals(iso) ? DEFAULT_CURRENCY : hex("currency:" + iso);
    }

    private static String hex(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
