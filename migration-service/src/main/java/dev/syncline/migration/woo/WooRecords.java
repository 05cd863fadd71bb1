package dev.syncline.migration.woo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.List;

/**
 * WooCommerce's JSON, the fields a migration reads (totals are strings, {@code _gmt} dates have no zone).
 * Read by hand from the answers' trees, so registered for reflection here, every record nested below with it.
 */
@RegisterForReflection
final class WooRecords {

    private WooRecords() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Address(@JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName,
                   @JsonProperty("address_1") String address1, String city, String postcode, String country, String email,
                   String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(long id, String email, @JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName,
                    Address billing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LineItem(String name, String sku, int quantity, BigDecimal price, String total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(String key, Object value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(long id, String number, String status, String currency, @JsonProperty("date_created_gmt") String dateCreatedGmt,
                 String total, @JsonProperty("customer_id") long customerId, Address billing,
                 @JsonProperty("line_items") List<LineItem> lineItems, @JsonProperty("meta_data") List<Meta> metaData) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(long id, String sku, String name) {
    }
}
