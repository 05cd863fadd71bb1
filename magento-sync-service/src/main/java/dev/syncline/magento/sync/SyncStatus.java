package dev.syncline.magento.sync;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The original system's per-type status row, read for the status endpoint. */
@Entity
@Table(name = "sync_status")
public class SyncStatus extends PanacheEntityBase {

    @Id
    @Column(name = "sync_type")
    public String syncType;
    @Column(name = "last_entity_id")
    public Long lastEntityId;
    @Column(name = "last_sync_at")
    public OffsetDateTime lastSyncAt;
    public String status;
    @Column(name = "total_processed")
    public long totalProcessed;
    @Column(name = "total_created")
    public long totalCreated;
    @Column(name = "total_errors")
    public long totalErrors;
    @Column(name = "last_error")
    public String lastError;
}
