package dev.syncline.magento.sync;

import dev.syncline.commons.upstream.UpstreamUnavailable;
import dev.syncline.magento.order.MagentoOrder;

import java.util.List;

/**
 * A keyset page: the orders after {@code after}, and whether Magento announced more than it sent.
 * The stop signal is total_count, never an empty page (legacy Magento repeats the last page).
 */
record FetchedPage(long after, List<MagentoOrder> items, long totalCount, boolean first) {

    boolean hasMore() {
        return totalCount > items.size();
    }

    long lastEntityId() {
        return items.stream().mapToLong(MagentoOrder::entityId).max().orElse(after);
    }

    /** Refuses answers that would make the sync loop or skip: an empty page that claims more, or ids behind the cursor. */
    static FetchedPage checked(long after, List<MagentoOrder> items, long totalCount, boolean first) {
        if (items.isEmpty() && totalCount > 0) {
            throw new UpstreamUnavailable("Magento announced " + totalCount + " orders after entity_id " + after
                    + " but sent an empty page");
        }
        for (MagentoOrder order : items) {
            if (order.entityId() <= after) {
                throw new UpstreamUnavailable("Magento ignored the entity_id filter: it sent entity_id "
                        + order.entityId() + " for orders after " + after);
            }
        }
        return new FetchedPage(after, items, totalCount, first);
    }
}
