package dev.syncline.erp.softone;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SoftOneTextTest {

    private static final String GREEK = "{\"NAME\":\"ΠΑΠΑΔΟΠΟΥΛΟΣ Α.Ε.\",\"CITY\":\"Ηράκλειο\",\"JOBTYPETRD\":\"Εστίαση – καφέ\"}";

    @Test
    void decodesWindows1253() {
        assertEquals(GREEK, SoftOneText.decode(GREEK.getBytes(SoftOneText.WINDOWS_1253)));
    }

    @Test
    void takesUtf8WhenTheBytesAreUtf8() {
        assertEquals(GREEK, SoftOneText.decode(GREEK.getBytes(StandardCharsets.UTF_8)));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = GREEK.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertEquals(GREEK, SoftOneText.decode(withBom));
    }

    @Test
    void plainAsciiIsTheSameEitherWay() {
        assertEquals("{\"TRDR\":1}", SoftOneText.decode("{\"TRDR\":1}".getBytes(StandardCharsets.US_ASCII)));
    }
}
