package dev.syncline.packages.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A profile's package as stored; written by {@link PackageStore}, read through Panache, shown as {@link PackageView}. */
@Entity
@Table(name = "profile_package")
public class StoredPackage extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "profile_id")
    public UUID profileId;
    @Column(name = "crm_package_id")
    public String crmPackageId;
    @Column(name = "package_type")
    public String packageType;
    @Column(name = "package_name")
    public String packageName;
    @Column(name = "purchase_date")
    public LocalDate purchaseDate;
    @Column(name = "first_use_date")
    public LocalDate firstUseDate;
    @Column(name = "expiration_date")
    public LocalDate expirationDate;
    @Column(name = "total_hours")
    public BigDecimal totalHours;
    @Column(name = "used_hours")
    public BigDecimal usedHours;
    @Column(name = "remaining_hours")
    public BigDecimal remainingHours;
    @Column(name = "total_sessions")
    public Integer totalSessions;
    @Column(name = "used_sessions")
    public Integer usedSessions;
    @Column(name = "remaining_sessions")
    public Integer remainingSessions;
    public String status;
    @Column(name = "synced_at")
    public OffsetDateTime syncedAt;
}
