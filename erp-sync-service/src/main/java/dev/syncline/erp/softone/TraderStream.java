package dev.syncline.erp.softone;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads SoftOne's answer as it arrives, so memory does not grow with the window: bytes are decoded
 * from SoftOne's charset chunk by chunk (a character split across chunks waits for the next one),
 * parsed by Jackson's non-blocking parser, and the rows of {@code result} handed out in batches.
 * The envelope's other members ({@code success}, {@code at}, {@code error}, …) are kept aside.
 */
final class TraderStream {

    private final ObjectMapper mapper;
    private final CharsetDecoder decoder;
    private final boolean utf8;
    private final int batchSize;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final Map<String, JsonNode> envelope = new LinkedHashMap<>();
    private ByteBuffer undecoded = ByteBuffer.allocate(0);
    private List<JsonNode> batch = new ArrayList<>();
    private int depth;
    private String field;
    private boolean inResult;
    private TokenBuffer row;
    private long rows;

    TraderStream(ObjectMapper mapper, Charset charset, int batchSize) throws IOException {
        this.mapper = mapper;
        this.utf8 = StandardCharsets.UTF_8.equals(charset);
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.batchSize = batchSize;
        this.parser = mapper.getFactory().createNonBlockingByteArrayParser();
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Takes the next chunk of the answer; returns the batches of rows it completed (usually none or one). */
    List<List<JsonNode>> feed(byte[] chunk) throws IOException {
        byte[] utf8Bytes = utf8 ? chunk : toUtf8(chunk, false);
        feeder.feedInput(utf8Bytes, 0, utf8Bytes.length);
        return drain();
    }

    /** The answer is complete: the last rows and the envelope. */
    Ending end() throws IOException {
        if (!utf8) {
            byte[] rest = toUtf8(new byte[0], true);
            feeder.feedInput(rest, 0, rest.length);
        }
        feeder.endOfInput();
        drain();
        if (depth != 0) {
            throw new IOException("the answer ended in the middle of its JSON");
        }
        return new Ending(batch, envelope, rows);
    }

    /** The rest of a window: the last batch, the envelope's members and how many rows came in all. */
    record Ending(List<JsonNode> lastBatch, Map<String, JsonNode> envelope, long rows) {
    }

    private List<List<JsonNode>> drain() throws IOException {
        List<List<JsonNode>> complete = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.NOT_AVAILABLE; token = parser.nextToken()) {
            if (row != null) {
                collectRow(token);
            } else if (inResult && depth == 2 && token == JsonToken.START_OBJECT) {
                row = new TokenBuffer(parser);
                row.copyCurrentEvent(parser);
                depth++;
            } else {
                envelopeToken(token);
            }
            if (batch.size() >= batchSize) {
                complete.add(batch);
                batch = new ArrayList<>();
            }
        }
        return complete;
    }

    private void collectRow(JsonToken token) throws IOException {
        row.copyCurrentEvent(parser);
        if (token.isStructStart()) {
            depth++;
        } else if (token.isStructEnd()) {
            depth--;
            if (depth == 2) {
                batch.add(mapper.readTree(row.asParser()));
                row = null;
                rows++;
            }
        }
    }

    private void envelopeToken(JsonToken token) throws IOException {
        if (token.isStructStart()) {
            depth++;
            inResult = depth == 2 && token == JsonToken.START_ARRAY && "result".equals(field);
        } else if (token.isStructEnd()) {
            depth--;
            if (depth <= 1) {
                inResult = false;
            }
        } else if (token == JsonToken.FIELD_NAME && depth == 1) {
            field = parser.currentName();
        } else if (depth == 1 && token.isScalarValue()) {
            envelope.put(field, mapper.readTree(parser));
        }
    }

    private byte[] toUtf8(byte[] chunk, boolean last) {
        ByteBuffer in = ByteBuffer.allocate(undecoded.remaining() + chunk.length).put(undecoded).put(chunk).flip();
        CharBuffer chars = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 4);
        decoder.decode(in, chars, last);
        if (last) {
            decoder.flush(chars);
        }
        undecoded = in.slice();
        chars.flip();
        ByteBuffer out = StandardCharsets.UTF_8.encode(chars);
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }
}
