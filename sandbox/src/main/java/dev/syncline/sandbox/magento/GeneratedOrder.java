package dev.syncline.sandbox.magento;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** One Magento order as the sandbox made it, written in Magento's OrderInterface JSON shape. */
public record GeneratedOrder(long entityId, String incrementId, int storeId, String createdAt, String email,
                             String firstName, String lastName, boolean guest, String telephone, String street,
                             String city, String postcode, String countryId, BigDecimal grandTotal,
                             String currency, String status, List<Item> items) {

    public record Item(long itemId, String sku, String name, int qty, BigDecimal price) {
    }

    /** The value Magento would filter or sort on for a field name. */
    public Object field(String name) {
        return switch (name) {
            case "entity_id" -> entityId;
            case "increment_id" -> incrementId;
            case "store_id" -> (long) storeId;
            case "created_at", "updated_at" -> createdAt;
            case "customer_email" -> email;
            case "customer_firstname" -> guest ? null : firstName;
            case "customer_lastname" -> guest ? null : lastName;
            case "customer_is_guest" -> guest ? 1L : 0L;
            case "grand_total", "base_grand_total" -> grandTotal;
            case "order_currency_code", "base_currency_code" -> currency;
            case "status", "state" -> status;
            default -> throw new MagentoInputException("Column \"%1\" does not exist.", name);
        };
    }

    public void write(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("base_currency_code", currency);
        json.writeNumberField("base_grand_total", grandTotal);
        json.writeStringField("created_at", createdAt);
        json.writeStringField("customer_email", email);
        json.writeStringField("customer_firstname", guest ? null : firstName);
        json.writeNumberField("customer_is_guest", guest ? 1 : 0);
        json.writeStringField("customer_lastname", guest ? null : lastName);
        json.writeNumberField("entity_id", entityId);
        json.writeNumberField("grand_total", grandTotal);
        json.writeStringField("increment_id", incrementId);
        json.writeStringField("order_currency_code", currency);
        json.writeStringField("state", status);
        json.writeStringField("status", status);
        json.writeNumberField("store_id", storeId);
        json.writeStringField("updated_at", createdAt);
        json.writeArrayFieldStart("items");
        for (Item item : items) {
            json.writeStartObject();
            json.writeNumberField("item_id", item.itemId());
            json.writeNumberField("order_id", entityId);
            json.writeStringField("sku", item.sku());
            json.writeStringField("name", item.name());
            json.writeNumberField("qty_ordered", item.qty());
            json.writeNumberField("price", item.price());
            json.writeNumberField("row_total", item.price().multiply(BigDecimal.valueOf(item.qty())));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("billing_address");
        json.writeStringField("address_type", "billing");
        json.writeStringField("city", city);
        json.writeStringField("country_id", countryId);
        json.writeStringField("email", email);
        json.writeStringField("firstname", firstName);
        json.writeStringField("lastname", lastName);
        json.writeNumberField("parent_id", entityId);
        json.writeStringField("postcode", postcode);
        json.writeArrayFieldStart("street");
        json.writeString(street);
        json.writeEndArray();
        json.writeStringField("telephone", telephone);
        json.writeEndObject();
        json.writeObjectFieldStart("payment");
        json.writeStringField("method", "checkmo");
        json.writeNumberField("amount_ordered", grandTotal);
        json.writeEndObject();
        json.writeEndObject();
    }
}
