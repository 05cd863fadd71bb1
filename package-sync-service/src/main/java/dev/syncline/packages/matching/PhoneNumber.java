package dev.syncline.packages.matching;

import java.util.Optional;

/**
 * Phone numbers as we compare them: digits only, in international form. A Thai national number
 * (0 and nine digits) becomes 66 and the nine digits; a 00 prefix is dropped.
 */
public final class PhoneNumber {

    /** Digits of the lookup key: enough to find few candidates, few enough that every form has them. */
    static final int KEY_DIGITS = 7;

    private PhoneNumber() {
    }

    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("\\D", "");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (digits.length() == 10 && digits.startsWith("0")) {
            digits = "66" + digits.substring(1);
        }
        return digits.length() >= 8 ? Optional.of(digits) : Optional.empty();
    }

    /**
     * A PostgREST {@code like} pattern that finds a number however the CRM wrote it: its last digits
     * with a wildcard between every two, so spaces, dashes or brackets anywhere do not hide it
     * ({@code +66 863 275 988} and {@code 086-327-5988} both match {@code *3*2*7*5*9*8*8*}).
     * Candidates are then compared in normalised form.
     */
    public static String lookupPattern(String normalised) {
        String tail = normalised.substring(Math.max(0, normalised.length() - KEY_DIGITS));
        return "*" + String.join("*", tail.split("")) + "*";
    }
}
