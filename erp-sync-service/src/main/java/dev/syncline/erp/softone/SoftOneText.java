package dev.syncline.erp.softone;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * SoftOne answers in Windows-1253 (ANSI Greek) and labels it however it likes. Greek in Windows-1253
 * is never valid UTF-8, so a body that decodes as strict UTF-8 is taken as UTF-8 (an installation
 * that was switched over), and anything else as Windows-1253.
 */
public final class SoftOneText {

    public static final Charset WINDOWS_1253 = Charset.forName("windows-1253");

    private SoftOneText() {
    }

    public static String decode(byte[] body) {
        int start = hasUtf8Bom(body) ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(body, start, body.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(body, start, body.length - start, WINDOWS_1253);
        }
    }

    private static boolean hasUtf8Bom(byte[] body) {
        return body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF;
    }
}
