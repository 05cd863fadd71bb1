package dev.syncline.magento.consumer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A mailing consumer: one per (normalised email, purchase date). Inserted by the sync, read here. */
@Entity
@Table(name = "consumer")
public class Consumer extends PanacheEntityBase {

    @Id
    public Long id;
    public String email;
    @Column(name = "email_original")
    public String emailOriginal;
    @Column(name = "purchase_date")
    public OffsetDateTime purchaseDate;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String phone;
    public String city;
    public String country;
    public String postcode;
    @Column(name = "store_code")
    public String storeCode;
    @Column(name = "magento_entity_id")
    public long magentoEntityId;
    @Column(name = "magento_increment_id")
    public String magentoIncrementId;
    @Column(name = "grand_total")
    public BigDecimal grandTotal;
    public String currency;
    public String source;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
