package dev.syncline.packages.profile;

import java.util.Optional;

/**
 * Phone numbers as we compare them: digits only, in international form. A Thai national number
 * (0 and nine digits) becomes 66 and the nine digits; a 00 prefix is dropped.
 */
public final class PhoneNumber {

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
}
