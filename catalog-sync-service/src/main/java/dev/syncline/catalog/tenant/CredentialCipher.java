package dev.syncline.catalog.tenant;

import dev.syncline.catalog.CatalogConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant credentials at rest: AES-256-GCM under ENCRYPTION_KEY, a random IV per value, stored as
 * {@code <key id>.<iv>.<ciphertext>} (base64). The key id (a hash of the key, never the key) says
 * which key wrote a value, so a new key can be rolled in while ENCRYPTION_KEYS_PREVIOUS still reads
 * the old values. Created at start: a missing or malformed key stops the service with a message.
 */
@Startup
@ApplicationScoped
public class CredentialCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Inject
    public CredentialCipher(CatalogConfig config) {
        this(config.encryptionKey(), config.previousEncryptionKeys());
    }

    CredentialCipher(Optional<String> key, Optional<String> previousKeys) {
        String current = key.filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "ENCRYPTION_KEY is not set. The catalog service keeps Plentymarkets and Shopware credentials encrypted and "
                        + "cannot start without its key: set ENCRYPTION_KEY to 32 random bytes in base64 (openssl rand -base64 32)"));
        this.currentId = add(current, "ENCRYPTION_KEY");
        previousKeys.ifPresent(list -> {
            for (String previous : list.split(",")) {
                if (!previous.isBlank()) {
                    add(previous.trim(), "ENCRYPTION_KEYS_PREVIOUS");
                }
            }
        });
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getEncoder();
            return currentId + "." + base64.encodeToString(iv) + "." + base64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        }
    }

    public String decrypt(String stored) {
        String[] parts = stored.split("\\.");
        if (parts.length != 3) {
            throw new IllegalStateException("A stored credential is not in the <key id>.<iv>.<ciphertext> form");
        }
        SecretKeySpec key = keys.get(parts[0]);
        if (key == null) {
            throw new IllegalStateException("A stored credential was encrypted with key " + parts[0]
                    + ", which is neither ENCRYPTION_KEY nor in ENCRYPTION_KEYS_PREVIOUS");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(parts[1])));
            return new String(cipher.doFinal(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored credential under key " + parts[0] + " could not be decrypted; it was altered");
        }
    }

    /** Whether a stored value was written under an earlier key (it is re-encrypted when its tenant is saved). */
    public boolean isUnderPreviousKey(String stored) {
        return !stored.startsWith(currentId + ".");
    }

    private String add(String base64, String variable) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not base64; it must be 32 random bytes in base64 (openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalStateException(variable + " decodes to " + key.length
                    + " bytes; AES-256 needs 32 (openssl rand -base64 32)");
        }
        String id = keyId(key);
        keys.put(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
