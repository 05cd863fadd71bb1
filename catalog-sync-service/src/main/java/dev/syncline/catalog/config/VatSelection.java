package dev.syncline.catalog.config;

import dev.syncline.catalog.plenty.PlentyRecords.VatConfiguration;
import dev.syncline.commons.upstream.UpstreamRefused;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks a tenant's VAT configuration from Plenty's {@code GET /rest/vat}: one configuration per
 * accounting location and country, each valid from {@code startedAt} until {@code invalidFrom}.
 * The tenant names the location (and, where the location has configurations for several
 * countries, the country); the one valid now applies. Anything else is refused in words.
 */
final class VatSelection {

    private VatSelection() {
    }

    static VatConfiguration of(List<VatConfiguration> all, int locationId, Integer countryId, OffsetDateTime now) {
        List<VatConfiguration> valid = all.stream()
                .filter(v -> v.locationId() != null && v.locationId() == locationId)
                .filter(v -> countryId == null || countryId.equals(v.countryId()))
                .filter(v -> validAt(v, now))
                .toList();
        if (valid.size() == 1) {
            return valid.get(0);
        }
        String where = "accounting location " + locationId + (countryId == null ? "" : " and country " + countryId);
        if (valid.isEmpty()) {
            throw new UpstreamRefused("Plentymarkets has no VAT configuration valid now for " + where + " (the tenant's vatLocationId"
                    + (countryId == null ? "" : "/vatCountryId") + "); it has: " + describe(all));
        }
        throw new UpstreamRefused("Plentymarkets has " + valid.size() + " VAT configurations valid now for " + where
                + "; name the country with the tenant's vatCountryId: " + describe(valid));
    }

    private static boolean validAt(VatConfiguration v, OffsetDateTime now) {
        boolean started = v.startedAt() == null || !OffsetDateTime.parse(v.startedAt()).isAfter(now);
        boolean ended = v.invalidFrom() != null && !OffsetDateTime.parse(v.invalidFrom()).isAfter(now);
        return started && !ended;
    }

    private static String describe(List<VatConfiguration> configurations) {
        return configurations.stream().map(v -> "configuration " + v.id() + " (location " + v.locationId() + ", country "
                + v.countryId() + ", from " + v.startedAt() + (v.invalidFrom() == null ? "" : " until " + v.invalidFrom()) + ")")
                .collect(Collectors.joining(", "));
    }
}
