package dev.syncline.commons.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronSecretTest {

    private final CronSecret secret = new CronSecret("s3cret-value");

    @Test
    void matchesOnlyTheExactSecret() {
        assertTrue(secret.matches("s3cret-value"));
        assertFalse(secret.matches("s3cret-valuE"));
        assertFalse(secret.matches("s3cret-value "));
        assertFalse(secret.matches("s3cret"));
        assertFalse(secret.matches(""));
        assertFalse(secret.matches(null));
    }

    @Test
    void neverPrintsTheSecret() {
        assertEquals("CronSecret[***]", secret.toString());
    }
}
