package dev.syncline.erp.trader;

import dev.syncline.erp.trader.TraderMerge.MergedTrader;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TraderMergeTest {

    private static final OffsetDateTime EARLY = OffsetDateTime.parse("2020-01-01T10:00:00+02:00");
    private static final OffsetDateTime LATE = OffsetDateTime.parse("2024-06-01T10:00:00+03:00");

    @Test
    void aTraderReRegisteredUnderANewTrdrIsOneTraderAndTheLaterRowWins() {
        List<MergedTrader> merged = TraderMerge.merge(List.of(
                trader(7L, "094014201", "OLD NAME", LATE),
                trader(9L, "094014201", "NEW NAME", EARLY.plusYears(10))));

        assertEquals(1, merged.size());
        assertEquals(9L, merged.get(0).trader().trdr());
        assertEquals("NEW NAME", merged.get(0).trader().name());
        assertEquals(List.of(7L), merged.get(0).otherTrdrs());
    }

    @Test
    void rowsLinkedThroughAThirdRowAreOneTrader() {
        List<MergedTrader> merged = TraderMerge.merge(List.of(
                trader(1L, "111111111", "A", EARLY),
                trader(1L, "222222222", "B", EARLY.plusDays(1)),
                trader(3L, "222222222", "C", EARLY.plusDays(2)),
                trader(4L, "333333333", "D", EARLY)));

        assertEquals(2, merged.size());
        assertEquals("C", merged.get(0).trader().name());
        assertEquals(List.of(1L), merged.get(0).otherTrdrs());
        assertEquals("D", merged.get(1).trader().name());
    }

    @Test
    void onATieTheLaterRowWinsAndMissingKeysComeFromTheOthers() {
        List<MergedTrader> merged = TraderMerge.merge(List.of(
                trader(5L, "555555555", "FIRST", LATE),
                trader(null, "555555555", "SECOND", LATE)));

        assertEquals(1, merged.size());
        assertEquals("SECOND", merged.get(0).trader().name());
        assertEquals(5L, merged.get(0).trader().trdr(), "the TRDR the winner lacks comes from its other row");
    }

    @Test
    void distinctTradersStayApart() {
        assertEquals(3, TraderMerge.merge(List.of(trader(1L, null, "A", EARLY), trader(2L, null, "B", EARLY),
                trader(null, "999999999", "C", EARLY))).size());
    }

    private static Trader trader(Long trdr, String afm, String name, OffsetDateTime upddate) {
        return new Trader(trdr, null, afm, name, null, null, null, null, null, null, "ACTIVE", null, null, null, upddate);
    }
}
