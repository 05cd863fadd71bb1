package dev.syncline.erp.trader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraderMapperTest {

    private final TraderMapper mapper = new TraderMapper(ZoneId.of("Europe/Athens"));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsStringsAndNumbersAlike() throws Exception {
        Trader asStrings = one("""
                {"TRDR":"1001","CODE":"Π01001","AFM":"094014201","NAME":"ΒΛΑΧΟΣ Ι.Κ.Ε.","ISPROSP":"1",
                 "COUNTRY":"1000","SOCURRENCY":"100","IRSDATA":"Δ.Ο.Υ. Α' ΑΘΗΝΩΝ","UPDDATE":"2025-10-11 08:58:45"}""");
        Trader asNumbers = one("""
                {"TRDR":1001,"CODE":"Π01001","AFM":"094014201","NAME":"ΒΛΑΧΟΣ Ι.Κ.Ε.","ISPROSP":1,
                 "COUNTRY":1000,"SOCURRENCY":100,"IRSDATA_1":"Δ.Ο.Υ. Α' ΑΘΗΝΩΝ","UPDDATE":"2025-10-11 08:58:45"}""");

        assertEquals(asStrings, asNumbers);
        assertEquals(1001L, asStrings.trdr());
        assertEquals("ACTIVE", asStrings.isactive());
        assertEquals("1000", asStrings.country());
        assertEquals(100, asStrings.socurrency());
        assertEquals("Δ.Ο.Υ. Α' ΑΘΗΝΩΝ", asNumbers.irsdata(), "IRSDATA_1 stands in for IRSDATA");
    }

    @Test
    void updDateIsAthensLocalTimeAcrossDaylightSaving() throws Exception {
        assertEquals(OffsetDateTime.parse("2025-10-11T05:58:45Z").toInstant(),
                one("{\"TRDR\":1,\"UPDDATE\":\"2025-10-11 08:58:45\"}").upddate().toInstant(), "summer: UTC+3");
        assertEquals(OffsetDateTime.parse("2025-12-01T06:00:00Z").toInstant(),
                one("{\"TRDR\":1,\"UPDDATE\":\"2025-12-01 08:00:00\"}").upddate().toInstant(), "winter: UTC+2");
    }

    @Test
    void anythingButOneMeansInactive() throws Exception {
        assertEquals("INACTIVE", one("{\"TRDR\":1,\"ISPROSP\":\"0\"}").isactive());
        assertEquals("INACTIVE", one("{\"TRDR\":1,\"ISPROSP\":0}").isactive());
        assertEquals("INACTIVE", one("{\"TRDR\":1}").isactive());
    }

    @Test
    void anAfmAloneIdentifiesATrader() throws Exception {
        Trader trader = one("{\"TRDR\":\"\",\"AFM\":\"094014201\"}");
        assertNull(trader.trdr());
        assertEquals("094014201", trader.afm());
    }

    @Test
    void unusableRowsAreRejectedWithTheReason() throws Exception {
        var mapped = mapper.map(List.of(
                node("{\"TRDR\":\"\",\"AFM\":\" \",\"NAME\":\"ΧΩΡΙΣ ΣΤΟΙΧΕΙΑ\"}"),
                node("{\"TRDR\":\"abc\",\"CODE\":\"Π9\"}"),
                node("{\"TRDR\":7,\"UPDDATE\":\"11/10/2025\"}"),
                node("{\"TRDR\":8,\"SOCURRENCY\":\"EUR\"}")));

        assertTrue(mapped.traders().isEmpty());
        assertEquals("row 1 (NAME ΧΩΡΙΣ ΣΤΟΙΧΕΙΑ)", mapped.rejections().get(0).upstreamId());
        assertTrue(mapped.rejections().get(0).reason().contains("neither a usable TRDR"));
        assertEquals("TRDR abc", mapped.rejections().get(1).upstreamId());
        assertTrue(mapped.rejections().get(2).reason().contains("UPDDATE '11/10/2025'"));
        assertTrue(mapped.rejections().get(3).reason().contains("SOCURRENCY 'EUR'"));
    }

    private Trader one(String row) throws Exception {
        var mapped = mapper.map(List.of(node(row)));
        assertEquals(List.of(), mapped.rejections());
        return mapped.traders().get(0);
    }

    private JsonNode node(String row) throws Exception {
        return json.readTree(row);
    }
}
