package dev.syncline.magento.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** Magento's search result envelope for orders. {@code total_count} counts every match, not just this page. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPage(List<MagentoOrder> items, @JsonProperty("total_count") long totalCount) {

    public OrderPage {
        items = items == null ? List.of() : items;
    }
}
