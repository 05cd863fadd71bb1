package dev.syncline.magento.consumer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A consumer made from one Magento order, ready to be inserted if (email, purchaseDate) is new. */
public record NewConsumer(String email, String emailOriginal, OffsetDateTime purchaseDate, String firstName,
                          String lastName, String phone, String city, String country, String postcode,
                          String storeCode, long magentoEntityId, String magentoIncrementId, BigDecimal grandTotal,
                          String currency) {
}
