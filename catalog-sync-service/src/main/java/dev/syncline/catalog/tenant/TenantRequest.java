package dev.syncline.catalog.tenant;

import dev.syncline.commons.problem.InvalidRequestException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A tenant as created or changed through the API ({@code id} only on creation, optional). Passwords
 * and secrets are write-only: on a change an absent one keeps the stored value.
 */
public record TenantRequest(
        @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a UUID") String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String plentyUrl,
        @NotBlank @Size(max = 200) String plentyUsername,
        @Size(max = 500) String plentyPassword,
        @Pattern(regexp = "api|mock", message = "must be api or mock") String shopwareMode,
        @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String shopwareUrl,
        @Size(max = 200) String shopwareClientId,
        @Size(max = 500) String shopwareClientSecret,
        @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String language,
        Boolean active,
        @Size(max = 100) String configSchedule,
        @Size(max = 100) String productSchedule,
        @PositiveOrZero Integer vatLocationId,
        @Positive Integer vatCountryId,
        @Size(min = 1, max = 50, message = "must name between 1 and 50 sales channels, or be absent for every storefront channel")
        List<@NotNull @Pattern(regexp = SHOPWARE_ID, message = "must be a Shopware id (32 lower-case hex digits)") String> salesChannelIds,
        @Pattern(regexp = SHOPWARE_ID, message = "must be a Shopware id (32 lower-case hex digits)") String rootCategoryId,
        @Size(max = 20, message = "must name at most 20 languages")
        List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code") String> translationLanguages,
        @Pattern(regexp = "deactivate|delete", message = "must be deactivate or delete") String retiredProducts) {

    static final String SHOPWARE_ID = "[0-9a-f]{32}";

    /** The tenant to store: {@code existing} is null when the tenant is new. */
    Tenant toTenant(UUID id, Tenant existing, CredentialCipher cipher, UpstreamHosts hosts) {
        hosts.check("plentyUrl", plentyUrl);
        hosts.check("shopwareUrl", shopwareUrl);
        String mode = shopwareMode == null ? (existing == null ? Tenant.MOCK : existing.shopwareMode()) : shopwareMode;
        String plentySecret = secret(plentyPassword, keptFor(existing, Tenant::plentyUrl, Tenant::plentyPassword, plentyUrl), cipher);
        if (plentySecret == null) {
            throw new InvalidRequestException("plentyPassword", existing == null ? "plentyPassword is required for a new tenant"
                    : "plentyPassword is required: plentyUrl names another scheme, host or port than the stored one, "
                            + "and the stored password is sent only where it was given for");
        }
        String shopwareSecret = secret(shopwareClientSecret,
                keptFor(existing, Tenant::shopwareUrl, Tenant::shopwareClientSecret, shopwareUrl), cipher);

        if ("api".equals(mode)) {
            require("shopwareUrl", shopwareUrl);
            require("shopwareClientId", shopwareClientId);
            if (shopwareSecret == null) {
                throw new InvalidRequestException("shopwareClientSecret", existing != null && existing.shopwareClientSecret() != null
                        ? "shopwareClientSecret is required: shopwareUrl names another scheme, host or port than the stored one, "
                                + "and the stored secret is sent only where it was given for"
                        : "shopwareClientSecret is required when shopwareMode is api");
            }
        }
        return new Tenant(id, name.trim(), trimSlash(plentyUrl), plentyUsername.trim(), plentySecret, mode,
                shopwareUrl == null ? null : trimSlash(shopwareUrl), blankToNull(shopwareClientId), shopwareSecret,
                language == null ? (existing == null ? "de" : existing.language()) : language,
                active == null ? existing == null || existing.active() : active,
                CronSchedules.checked("configSchedule", configSchedule),
                CronSchedules.checked("productSchedule", productSchedule), vatLocationId, checkedVatCountryId(),
                salesChannelIds == null ? null : List.copyOf(new java.util.LinkedHashSet<>(salesChannelIds)), rootCategoryId,
                translationLanguages == null || translationLanguages.isEmpty() ? null
                        : List.copyOf(new java.util.LinkedHashSet<>(translationLanguages)),
                retiredProducts == null ? Tenant.DEACTIVATE : retiredProducts, null, null);
    }

    private Integer checkedVatCountryId() {
        if (vatCountryId != null && vatLocationId == null) {
            throw new InvalidRequestException("vatCountryId", "vatCountryId needs vatLocationId: the country picks among "
                    + "the VAT configurations of one accounting location");
        }
        return vatCountryId;
    }

    /**
     * The stored secret, when it may be kept: the request names the same origin (scheme, host and
     * port) as the stored URL. A secret given for one host is never sent to another.
     */
    private static String keptFor(Tenant existing, java.util.function.Function<Tenant, String> url,
                                  java.util.function.Function<Tenant, String> secret, String newUrl) {
        if (existing == null || secret.apply(existing) == null) {
            return null;
        }
        String storedUrl = url.apply(existing);
        boolean sameUrl = newUrl == null ? storedUrl == null : UpstreamHosts.sameOrigin(storedUrl, newUrl.trim());
        return sameUrl || (newUrl == null) ? secret.apply(existing) : null;
    }

    /** A new value is encrypted under the current key; a kept one is re-encrypted if an earlier key wrote it. */
    private static String secret(String given, String stored, CredentialCipher cipher) {
        if (given != null && !given.isBlank()) {
            return cipher.encrypt(given);
        }
        if (stored == null) {
            return null;
        }
        return cipher.isUnderPreviousKey(stored) ? cipher.encrypt(cipher.decrypt(stored)) : stored;
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, field + " is required when shopwareMode is api");
        }
    }

    private static String trimSlash(String url) {
        return url.trim().replaceAll("/+$", "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "TenantRequest[" + name + "]";
    }
}
