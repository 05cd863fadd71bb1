package dev.syncline.erp.softone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraderStreamTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Charset WINDOWS_1253 = Charset.forName("windows-1253");
    private static final String ANSWER = """
            {"success":true,"code":200,"message":"OK","at":"2025-11-22 10:15:00","window_start":null,"total":3,
             "result":[{"TRDR":"101","NAME":"ΠΑΠΑΔΟΠΟΥΛΟΣ Α.Ε.","CITY":"Ηράκλειο","NESTED":{"A":[1,2]}},
                       {"TRDR":102,"NAME":"ΚΑΦΕ «Η ΓΩΝΙΑ»","JOBTYPETRD":"Εστίαση – καφέ"},
                       {"TRDR":103,"AFM":"094014201","NAME":"Δοκιμή"}]}""";

    @Test
    void greekWindows1253SplitAtEveryByteGivesTheSameRows() throws IOException {
        byte[] bytes = ANSWER.getBytes(WINDOWS_1253);
        for (int cut = 1; cut < bytes.length; cut++) {
            Read read = read(WINDOWS_1253, 2, Arrays.copyOfRange(bytes, 0, cut), Arrays.copyOfRange(bytes, cut, bytes.length));
            assertEquals(3, read.rows.size(), "cut at " + cut);
            assertEquals("ΚΑΦΕ «Η ΓΩΝΙΑ»", read.rows.get(1).path("NAME").asText(), "cut at " + cut);
            assertEquals("Ηράκλειο", read.rows.get(0).path("CITY").asText());
            assertEquals(2, read.rows.get(0).path("NESTED").path("A").size());
            assertEquals("2025-11-22 10:15:00", read.ending.envelope().get("at").asText());
            assertEquals(3, read.ending.rows());
        }
    }

    @Test
    void utf8MultiByteCharactersSplitAcrossChunksSurvive() throws IOException {
        byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            Read read = read(StandardCharsets.UTF_8, 10, Arrays.copyOfRange(bytes, 0, cut), Arrays.copyOfRange(bytes, cut, bytes.length));
            assertEquals("Εστίαση – καφέ", read.rows.get(1).path("JOBTYPETRD").asText(), "cut at " + cut);
        }
    }

    @Test
    void rowsComeInBatchesAsSoonAsABatchIsComplete() throws IOException {
        TraderStream stream = new TraderStream(MAPPER, WINDOWS_1253, 2);
        List<List<JsonNode>> batches = stream.feed(ANSWER.getBytes(WINDOWS_1253));
        assertEquals(1, batches.size());
        assertEquals(2, batches.get(0).size());
        assertEquals(1, stream.end().lastBatch().size());
    }

    @Test
    void anInBandErrorHasNoRowsAndKeepsItsMessage() throws IOException {
        String error = "{\"success\":false,\"code\":200,\"errorcode\":-101,\"error\":\"Λάθος κωδικός\"}";
        Read read = read(WINDOWS_1253, 10, error.getBytes(WINDOWS_1253));
        assertTrue(read.rows.isEmpty());
        assertEquals(false, read.ending.envelope().get("success").asBoolean());
        assertEquals("Λάθος κωδικός", read.ending.envelope().get("error").asText());
        assertEquals(-101, read.ending.envelope().get("errorcode").asInt());
    }

    @Test
    void aTruncatedAnswerIsNoAnswer() throws IOException {
        byte[] bytes = ANSWER.getBytes(WINDOWS_1253);
        TraderStream stream = new TraderStream(MAPPER, WINDOWS_1253, 10);
        stream.feed(Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(IOException.class, stream::end);
    }

    private record Read(List<JsonNode> rows, TraderStream.Ending ending) {
    }

    private static Read read(Charset charset, int batchSize, byte[]... chunks) throws IOException {
        TraderStream stream = new TraderStream(MAPPER, charset, batchSize);
        List<JsonNode> rows = new ArrayList<>();
        for (byte[] chunk : chunks) {
            stream.feed(chunk).forEach(rows::addAll);
        }
        TraderStream.Ending ending = stream.end();
        rows.addAll(ending.lastBatch());
        return new Read(rows, ending);
    }
}
