package dev.syncline.catalog.product;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * One record of a Shopware sync request, and the Plenty variations it stands for: a variant or a
 * simple product stands for its variation, a parent for the variations of its item in the batch.
 */
public record ShopwareProduct(String id, String parentId, String productNumber, ObjectNode payload, Set<Long> variationIds) {
}
