package dev.syncline.commons.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The configured cron secret; compares in constant time so timing reveals nothing about it. */
public final class CronSecret {

    private final byte[] digest;

    public CronSecret(String secret) {
        this.digest = sha256(secret);
    }

    /** Hashing both sides first makes the comparison independent of the presented value's length too. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "CronSecret[***]";
    }
}
