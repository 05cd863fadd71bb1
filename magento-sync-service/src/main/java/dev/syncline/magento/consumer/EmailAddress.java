package dev.syncline.magento.consumer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Emails as we match them: trimmed and lower-cased; one @, something before it, a dotted domain after it. */
public final class EmailAddress {

    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private EmailAddress() {
    }

    /** The normalised address, or empty when the raw value is missing or not an address. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        return PLAUSIBLE.matcher(email).matches() ? Optional.of(email) : Optional.empty();
    }
}
