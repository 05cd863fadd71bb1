package dev.syncline.migration.compare;

import dev.syncline.migration.store.StoreOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.List;

/** The seed's OrderDifference, plus how the record was (not) matched. */
public record OrderDifference(String orderNumber, String email, String totalPrice, String createdAt, String sourceOrderId,
                              boolean existsInSource, boolean existsInDestination, String sourcePlatform, String destinationPlatform,
                              int lineItemCount, String financialStatus, String fulfillmentStatus, List<String> warnings,
                              String matchStatus, String matchNote, List<String> candidates) {

    @RegisterForReflection
    record Shown(String orderNumber, String email, String totalPrice, String createdAt, String sourceOrderId, int lineItemCount,
                 String financialStatus, String fulfillmentStatus, List<String> warnings) implements ComparedRecord.Shown {
        static Shown of(StoreOrder o) {
            List<String> warnings = new ArrayList<>();
            if (o.email() == null) {
                warnings.add("The order has no email: it migrates as a guest order, and only its number can match it");
            }
            if (o.lines().stream().anyMatch(l -> l.sku() == null)) {
                warnings.add("Some line items have no SKU: they migrate as custom line items");
            }
            return new Shown(o.number(), o.email(), o.totalPrice().toPlainString(), o.createdAt().toString(), o.id(), o.lines().size(),
                    o.financialStatus(), o.fulfillmentStatus(), warnings);
        }
    }
}
