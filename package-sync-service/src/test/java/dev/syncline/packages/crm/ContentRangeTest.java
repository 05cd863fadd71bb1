package dev.syncline.packages.crm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContentRangeTest {

    @Test
    void readsTheTotalWhenCounted() {
        assertEquals(1234L, ContentRange.parse("0-999/1234").total());
        assertEquals(0L, ContentRange.parse("*/0").total());
    }

    @Test
    void noTotalWithoutACount() {
        assertNull(ContentRange.parse("0-99/*").total());
        assertNull(ContentRange.parse(null).total());
        assertNull(ContentRange.parse("bogus").total());
    }
}
