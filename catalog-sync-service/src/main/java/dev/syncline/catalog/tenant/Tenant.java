package dev.syncline.catalog.tenant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A tenant as stored: credentials still encrypted. {@code configSchedule}/{@code productSchedule}
 * are the tenant's own (null: the service's default; "off": never). The shop settings, null for
 * the default: {@code vatLocationId}/{@code vatCountryId} pick Plenty's VAT configuration (default:
 * the standard one), {@code salesChannelIds} the channels products are visible in (default: every
 * storefront channel), {@code rootCategoryId} the category Plenty's tree hangs under (default: the
 * first channel's navigation category), {@code translationLanguages} the Plenty languages whose
 * texts are also written to the shop's languages of that language (default: none besides
 * {@code language}), {@code retiredProducts} what a full sync does with the products of variations
 * Plenty no longer has ({@code deactivate} or {@code delete}).
 */
public record Tenant(UUID id, String name, String plentyUrl, String plentyUsername, String plentyPassword,
                     String shopwareMode, String shopwareUrl, String shopwareClientId, String shopwareClientSecret,
                     String language, boolean active, String configSchedule, String productSchedule,
                     Integer vatLocationId, Integer vatCountryId, List<String> salesChannelIds, String rootCategoryId,
                     List<String> translationLanguages, String retiredProducts, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final UUID TEST_TENANT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    public static final String MOCK = "mock";
    public static final String DEACTIVATE = "deactivate";
    public static final String DELETE = "delete";

    public boolean mockShopware() {
        return MOCK.equals(shopwareMode);
    }

    @Override
    public String toString() {
        return "Tenant[" + id + ", " + name + "]";
    }
}
