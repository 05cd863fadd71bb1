package dev.syncline.sandbox.softone;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ERP's clock is Athens local time: no trader carries a time that clock never showed. */
class TraderBookTest {

    @Test
    void noUpdateTimeFallsInTheSpringForwardGap() {
        // 700 days back from here span two spring-forward nights; 50,000 traders land in them often.
        TraderBook book = new TraderBook(7, 13, 50_000, LocalDateTime.of(2026, 12, 5, 12, 0));

        List<String> inGap = book.changedSince(null).stream().map(row -> (String) row.get("UPDDATE"))
                .filter(text -> SoftOneClock.ZONE.getRules().getValidOffsets(LocalDateTime.parse(text, SoftOneClock.FORMAT)).isEmpty())
                .toList();

        assertEquals(List.of(), inGap);
    }
}
