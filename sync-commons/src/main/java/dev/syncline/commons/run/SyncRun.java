package dev.syncline.commons.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/** One row of the run ledger; written by {@link SyncRunLedger}, read through Panache, shown as {@link RunView}. */
@Entity
@Table(name = "sync_run")
public class SyncRun extends PanacheEntityBase {

    @Id
    public Long id;
    public String job;
    public String mode;
    public String trigger;
    public String status;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "records_total")
    public Long recordsTotal;
    @Column(name = "records_read")
    public long recordsRead;
    @Column(name = "records_created")
    public long recordsCreated;
    @Column(name = "records_updated")
    public long recordsUpdated;
    @Column(name = "records_skipped")
    public long recordsSkipped;
    @Column(name = "records_rejected")
    public long recordsRejected;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Long> counters;
    @Column(name = "error_message")
    public String errorMessage;

    public boolean isRunning() {
        return RunStatus.RUNNING.dbValue().equals(status);
    }

    public long counter(String name) {
        return counters == null || counters.get(name) == null ? 0 : counters.get(name);
    }
}
