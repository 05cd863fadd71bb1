package dev.syncline.commons.rejected;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

@Entity
@Table(name = "rejected_record")
public class RejectedRecord extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "run_id")
    public long runId;
    public String job;
    @Column(name = "upstream_id")
    public String upstreamId;
    public String reason;
    @Column(name = "rejected_at")
    public OffsetDateTime rejectedAt;
}
