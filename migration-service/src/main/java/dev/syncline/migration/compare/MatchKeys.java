package dev.syncline.migration.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The keys records are matched by, normalised so that the two stores' spellings meet: emails
 * trimmed and lower-cased; names lower-cased with spacing and accents evened out; phones by their
 * last nine digits (so +49 151 2345678 and 0151 2345678 are one number); order numbers without
 * their '#'; totals to the cent; dates as UTC calendar days. A key that cannot be made is null.
 */
public final class MatchKeys {

    static final int PHONE_DIGITS = 9;

    private MatchKeys() {
    }

    public static String email(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() < 7 ? null : digits.substring(Math.max(0, digits.length() - PHONE_DIGITS));
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String plain = Normalizer.normalize(name.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** First name + last name + phone; null when any of them is missing. */
    public static String namePhone(String firstName, String lastName, String phone) {
        String first = name(firstName);
        String last = name(lastName);
        String number = phone(phone);
        return first == null || last == null || number == null ? null : first + "|" + last + "|" + number;
    }

    public static String orderNumber(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String trimmed = number.trim();
        return (trimmed.startsWith("#") ? trimmed.substring(1) : trimmed).trim().toLowerCase(Locale.ROOT);
    }

    /** Email + total + created date; null when the email is missing. */
    public static String emailTotalDate(String email, BigDecimal total, Instant createdAt) {
        String address = email(email);
        if (address == null || total == null || createdAt == null) {
            return null;
        }
        return address + "|" + total.setScale(2, RoundingMode.HALF_UP).toPlainString() + "|" + createdAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
