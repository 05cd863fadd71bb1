package dev.syncline.magento.consumer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A consumer as the API shows it. */
public record ConsumerView(long id, String email, String emailOriginal, OffsetDateTime purchaseDate, String firstName,
                           String lastName, String phone, String city, String country, String postcode,
                           String storeCode, long magentoEntityId, String magentoIncrementId, BigDecimal grandTotal,
                           String currency, String source, OffsetDateTime createdAt) {

    static ConsumerView of(Consumer c) {
        return new ConsumerView(c.id, c.email, c.emailOriginal, c.purchaseDate, c.firstName, c.lastName, c.phone,
                c.city, c.country, c.postcode, c.storeCode, c.magentoEntityId, c.magentoIncrementId, c.grandTotal,
                c.currency, c.source, c.createdAt);
    }
}
