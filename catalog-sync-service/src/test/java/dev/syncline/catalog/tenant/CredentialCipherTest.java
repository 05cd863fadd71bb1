package dev.syncline.catalog.tenant;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialCipherTest {

    private static final String KEY = key(1);
    private static final String NEXT_KEY = key(2);

    @Test
    void aValueComesBackAndNeverLooksTheSameTwice() {
        CredentialCipher cipher = new CredentialCipher(Optional.of(KEY), Optional.empty());
        String first = cipher.encrypt("geheim-ä€");
        String second = cipher.encrypt("geheim-ä€");

        assertNotEquals(first, second, "a random IV per value");
        assertFalse(first.contains("geheim"));
        assertEquals("geheim-ä€", cipher.decrypt(first));
        assertEquals(3, first.split("\\.").length, "<key id>.<iv>.<ciphertext>");
        assertFalse(first.contains(KEY), "the key id is a hash, never the key");
    }

    @Test
    void aNewKeyReadsValuesOfThePreviousOneAndSaysTheyAreOld() {
        String old = new CredentialCipher(Optional.of(KEY), Optional.empty()).encrypt("plenty-password");
        CredentialCipher rolled = new CredentialCipher(Optional.of(NEXT_KEY), Optional.of(" " + KEY + " ,"));

        assertEquals("plenty-password", rolled.decrypt(old));
        assertTrue(rolled.isUnderPreviousKey(old));
        assertFalse(rolled.isUnderPreviousKey(rolled.encrypt("x")));
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> new CredentialCipher(Optional.of(NEXT_KEY), Optional.empty()).decrypt(old));
        assertTrue(unknown.getMessage().contains("neither ENCRYPTION_KEY nor in ENCRYPTION_KEYS_PREVIOUS"), unknown.getMessage());
    }

    @Test
    void anAlteredValueIsRefused() {
        CredentialCipher cipher = new CredentialCipher(Optional.of(KEY), Optional.empty());
        String sealed = cipher.encrypt("secret");
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertTrue(assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered)).getMessage().contains("altered"));
    }

    @Test
    void aMissingOrMalformedKeyStopsTheServiceWithItsName() {
        assertTrue(message(Optional.empty(), Optional.empty()).startsWith("ENCRYPTION_KEY is not set"));
        assertTrue(message(Optional.of("  "), Optional.empty()).startsWith("ENCRYPTION_KEY is not set"));
        assertTrue(message(Optional.of("not base64!"), Optional.empty()).startsWith("ENCRYPTION_KEY is not base64"));
        assertTrue(message(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), Optional.empty())
                .startsWith("ENCRYPTION_KEY decodes to 16 bytes; AES-256 needs 32"));
        assertTrue(message(Optional.of(KEY), Optional.of("short")).startsWith("ENCRYPTION_KEYS_PREVIOUS"));
    }

    private static String message(Optional<String> key, Optional<String> previous) {
        return assertThrows(IllegalStateException.class, () -> new CredentialCipher(key, previous)).getMessage();
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
