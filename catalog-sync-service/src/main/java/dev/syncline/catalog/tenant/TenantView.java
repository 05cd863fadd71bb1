package dev.syncline.catalog.tenant;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** A tenant as the API shows it: never a password or secret, only whether one is stored. */
public record TenantView(UUID id, String name, String plentyUrl, String plentyUsername, String shopwareMode,
                         String shopwareUrl, String shopwareClientId, String language, boolean active,
                         Credentials credentials, Schedule configSchedule, Schedule productSchedule,
                         Integer vatLocationId, Integer vatCountryId, java.util.List<String> salesChannelIds, String rootCategoryId,
                         java.util.List<String> translationLanguages, String retiredProducts,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Which credentials are stored (their values never leave the service). */
    public record Credentials(boolean plentyPassword, boolean shopwareClientSecret) {
    }

    /** A schedule as it applies: the cron, whether it is the tenant's own or the default, and its next fire. */
    public record Schedule(String cron, String source, ZonedDateTime nextFire) {
        static Schedule of(String own, String fallback) {
            String cron = own != null ? own : fallback;
            return new Schedule(cron, own != null ? "tenant" : "default",
                    CronSchedules.nextFire(cron, ZonedDateTime.now()).orElse(null));
        }
    }

    static TenantView of(Tenant t, String defaultConfigSchedule, String defaultProductSchedule) {
        return new TenantView(t.id(), t.name(), t.plentyUrl(), t.plentyUsername(), t.shopwareMode(), t.shopwareUrl(),
                t.shopwareClientId(), t.language(), t.active(),
                new Credentials(t.plentyPassword() != null, t.shopwareClientSecret() != null),
                Schedule.of(t.configSchedule(), defaultConfigSchedule), Schedule.of(t.productSchedule(), defaultProductSchedule),
                t.vatLocationId(), t.vatCountryId(), t.salesChannelIds(), t.rootCategoryId(), t.translationLanguages(), t.retiredProducts(), t.createdAt(), t.updatedAt());
    }
}
