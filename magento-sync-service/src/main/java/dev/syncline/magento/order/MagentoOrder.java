package dev.syncline.magento.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/** The fields of a Magento order (OrderInterface) that a consumer is made of. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MagentoOrder(
        @JsonProperty("entity_id") long entityId,
        @JsonProperty("increment_id") String incrementId,
        @JsonProperty("store_id") Integer storeId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("customer_firstname") String customerFirstname,
        @JsonProperty("customer_lastname") String customerLastname,
        @JsonProperty("grand_total") BigDecimal grandTotal,
        @JsonProperty("order_currency_code") String orderCurrencyCode,
        @JsonProperty("billing_address") BillingAddress billingAddress) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BillingAddress(
            String firstname,
            String lastname,
            String email,
            String telephone,
            String city,
            String postcode,
            @JsonProperty("country_id") String countryId) {
    }
}
