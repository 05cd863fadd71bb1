package dev.syncline.migration.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.commons.upstream.UpstreamUnavailable;
import dev.syncline.migration.store.StoreOrder;
import io.smallrye.mutiny.Multi;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Orders joined with the line-item lines that follow them in a grouped bulk export. */
class BulkOrderAssemblerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachOrderGetsTheLineItemsThatFollowItAndTheLastOrderIsNotLost() {
        List<List<StoreOrder>> pages = BulkOrderAssembler.orders(lines(
                order(1), item(1, "A-1"), item(1, "A-2"),
                order(2),
                order(3), item(3, "C-1")), 2).collect().asList().await().indefinitely();

        assertEquals(List.of(2, 1), pages.stream().map(List::size).toList());
        List<StoreOrder> orders = pages.stream().flatMap(List::stream).toList();
        assertEquals(List.of("#1", "#2", "#3"), orders.stream().map(StoreOrder::number).toList());
        assertEquals(List.of("A-1", "A-2"), orders.get(0).lines().stream().map(StoreOrder.Line::sku).toList());
        assertTrue(orders.get(1).lines().isEmpty());
        assertEquals(List.of("C-1"), orders.get(2).lines().stream().map(StoreOrder.Line::sku).toList());
    }

    @Test
    void aLineItemAwayFromItsOrderFailsInsteadOfJoiningTheWrongOrder() {
        Multi<List<StoreOrder>> pages = BulkOrderAssembler.orders(lines(order(1), order(2), item(1, "A-1")), 10);

        UpstreamUnavailable failure = assertThrows(UpstreamUnavailable.class, () -> pages.collect().asList().await().indefinitely());
        assertTrue(failure.getMessage().contains("gid://shopify/Order/1"), failure.getMessage());
    }

    @Test
    void anEmptyExportHasNoOrders() {
        assertEquals(List.of(), BulkOrderAssembler.orders(lines(), 10).collect().asList().await().indefinitely());
    }

    private static Multi<JsonNode> lines(String... lines) {
        return Multi.createFrom().items(lines).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new IllegalArgumentException(line, e);
            }
        });
    }

    private static String order(int n) {
        return "{\"id\":\"gid://shopify/Order/" + n + "\",\"name\":\"#" + n + "\",\"createdAt\":\"2026-01-0" + n
                + "T10:00:00Z\",\"totalPriceSet\":{\"shopMoney\":{\"amount\":\"10.00\",\"currencyCode\":\"EUR\"}}}";
    }

    private static String item(int order, String sku) {
        return "{\"sku\":\"" + sku + "\",\"title\":\"" + sku + "\",\"quantity\":1,\"originalUnitPriceSet\":{\"shopMoney\":{\"amount\":\"5.00\"}},"
                + "\"__parentId\":\"gid://shopify/Order/" + order + "\"}";
    }
}
