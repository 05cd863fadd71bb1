package dev.syncline.migration.store;

import dev.syncline.commons.problem.InvalidRequestException;

import java.util.Locale;

/** The two stores, named as the seed's {@code sourceOfTruth} names them. */
public enum Platform {
    WOOCOMMERCE("woocommerce", "WooCommerce"), SHOPIFY("shopify", "Shopify");

    private final String key;
    private final String title;

    Platform(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public Platform other() {
        return this == WOOCOMMERCE ? SHOPIFY : WOOCOMMERCE;
    }

    /** The request's {@code sourceOfTruth}; a 400 naming the field otherwise. */
    public static Platform of(String field, String value) {
        if (value != null) {
            for (Platform platform : values()) {
                if (platform.key.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return platform;
                }
            }
        }
        throw new InvalidRequestException(field, field + " must be \"woocommerce\" or \"shopify\", was "
                + (value == null ? "missing" : "'" + value + "'"));
    }
}
