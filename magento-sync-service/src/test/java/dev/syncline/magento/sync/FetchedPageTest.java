package dev.syncline.magento.sync;

import dev.syncline.commons.upstream.UpstreamUnavailable;
import dev.syncline.magento.order.MagentoOrder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FetchedPageTest {

    @Test
    void totalCountTellsWhetherMoreFollow() {
        FetchedPage middle = FetchedPage.checked(100, List.of(order(101), order(105)), 5, false);
        FetchedPage last = FetchedPage.checked(105, List.of(order(106), order(109)), 2, false);

        assertTrue(middle.hasMore());
        assertEquals(105, middle.lastEntityId());
        assertFalse(last.hasMore());
        assertEquals(109, last.lastEntityId());
    }

    @Test
    void anEmptyLastPageKeepsTheCursor() {
        FetchedPage empty = FetchedPage.checked(300, List.of(), 0, true);

        assertFalse(empty.hasMore());
        assertEquals(300, empty.lastEntityId());
    }

    @Test
    void refusesAnswersThatWouldLoopOrSkip() {
        assertThrows(UpstreamUnavailable.class, () -> FetchedPage.checked(100, List.of(), 3, false));
        assertThrows(UpstreamUnavailable.class, () -> FetchedPage.checked(100, List.of(order(90), order(101)), 2, false));
    }

    private static MagentoOrder order(long id) {
        return new MagentoOrder(id, null, 1, "2025-01-01 00:00:00", "a@example.nl", null, null, null, null, null);
    }
}
