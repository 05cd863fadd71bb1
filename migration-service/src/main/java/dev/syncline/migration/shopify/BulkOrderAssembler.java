package dev.syncline.migration.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.syncline.commons.upstream.UpstreamUnavailable;
import dev.syncline.migration.store.StoreOrder;
import io.smallrye.mutiny.Multi;

import java.util.List;
import java.util.Optional;

/**
 * Joins a grouped bulk export of orders back together: an order's line is followed by its line
 * items' lines (each with {@code __parentId}), so one order is held at a time. A line item that does
 * not follow its order means the export was not grouped; that fails in words rather than attach the
 * line to the wrong order.
 */
final class BulkOrderAssembler {

    private JsonNode order;
    private ArrayNode lineItems = JsonNodeFactory.instance.arrayNode();

    /** The export's orders in pages of {@code size}, assembled as the lines stream by. */
    static Multi<List<StoreOrder>> orders(Multi<JsonNode> lines, int size) {
        return Multi.createFrom().deferred(() -> {
            BulkOrderAssembler assembler = new BulkOrderAssembler();
            Multi<StoreOrder> joined = lines.map(assembler::accept).filter(Optional::isPresent).map(Optional::get);
            Multi<StoreOrder> last = Multi.createFrom().deferred(() -> Multi.createFrom().optional(assembler.finish()));
            return Multi.createBy().concatenating().streams(joined, last);
        }).group().intoLists().of(size);
    }

    /** Takes one line; answers the previous order when this line starts the next one. */
    Optional<StoreOrder> accept(JsonNode line) {
        JsonNode parent = line.path("__parentId");
        if (parent.isMissingNode() || parent.isNull()) {
            Optional<StoreOrder> previous = finish();
            order = line;
            return previous;
        }
        if (order == null || !parent.asText().equals(order.path("id").asText())) {
            throw new UpstreamUnavailable("Shopify's bulk export of the orders placed a line item of " + parent.asText()
                    + " away from its order; the export must group each order's line items after it (groupObjects)");
        }
        lineItems.add(line);
        return Optional.empty();
    }

    /** The order still held, once the lines have ended. */
    Optional<StoreOrder> finish() {
        if (order == null) {
            return Optional.empty();
        }
        StoreOrder done = ShopifyConnector.order(order, lineItems);
        order = null;
        lineItems = JsonNodeFactory.instance.arrayNode();
        return Optional.of(done);
    }
}
