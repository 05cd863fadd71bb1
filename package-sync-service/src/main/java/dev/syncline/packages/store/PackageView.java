package dev.syncline.packages.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A package as the API shows it. */
public record PackageView(String crmPackageId, String packageType, String packageName, LocalDate purchaseDate,
                          LocalDate firstUseDate, LocalDate expirationDate, BigDecimal totalHours, BigDecimal usedHours,
                          BigDecimal remainingHours, Integer totalSessions, Integer usedSessions,
                          Integer remainingSessions, String status, OffsetDateTime syncedAt) {

    public static PackageView of(StoredPackage p) {
        return new PackageView(p.crmPackageId, p.packageType, p.packageName, p.purchaseDate, p.firstUseDate,
                p.expirationDate, p.totalHours, p.usedHours, p.remainingHours, p.totalSessions, p.usedSessions,
                p.remainingSessions, p.status, p.syncedAt);
    }
}
