package dev.syncline.migration.compare;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The keys the two stores' spellings must meet at. */
class MatchKeysTest {

    @Test
    void emailsMeetWhateverTheirCaseAndPadding() {
        assertEquals("anna.weber@example.com", MatchKeys.email("  Anna.Weber@EXAMPLE.com "));
        assertNull(MatchKeys.email("   "));
        assertNull(MatchKeys.email(null));
    }

    @Test
    void aNationalAndAnInternationalNumberAreOnePhone() {
        assertEquals(MatchKeys.phone("+49 151 2345678"), MatchKeys.phone("0151 234 5678"));
        assertEquals(MatchKeys.phone("+491512345678"), MatchKeys.phone("(0151) 23-45-678"));
        assertNotEquals(MatchKeys.phone("+49 151 2345678"), MatchKeys.phone("+49 151 2345679"));
        assertNull(MatchKeys.phone("12-34"), "too short to be a number");
    }

    @Test
    void namesMeetAcrossCaseSpacingAndAccents() {
        assertEquals(MatchKeys.namePhone("Zoë ", "van  der Berg", "0151 2345678"),
                MatchKeys.namePhone("zoe", "Van der berg", "+49 151 2345678"));
        assertNull(MatchKeys.namePhone("Anna", null, "0151 2345678"), "no last name, no key");
        assertNull(MatchKeys.namePhone("Anna", "Weber", null), "no phone, no key");
    }

    @Test
    void orderNumbersMeetWithOrWithoutTheirHash() {
        assertEquals(MatchKeys.orderNumber("#1042"), MatchKeys.orderNumber(" 1042"));
        assertNull(MatchKeys.orderNumber(""));
    }

    @Test
    void emailTotalAndDateMeetToTheCentAndTheUtcDay() {
        Instant evening = Instant.parse("2024-03-05T23:30:00Z");
        assertEquals(MatchKeys.emailTotalDate("A@b.de", new BigDecimal("19.9"), evening),
                MatchKeys.emailTotalDate("a@b.de ", new BigDecimal("19.90"), Instant.parse("2024-03-05T08:00:00Z")));
        assertNotEquals(MatchKeys.emailTotalDate("a@b.de", new BigDecimal("19.90"), evening),
                MatchKeys.emailTotalDate("a@b.de", new BigDecimal("19.90"), Instant.parse("2024-03-06T00:30:00Z")));
        assertNull(MatchKeys.emailTotalDate(null, BigDecimal.TEN, evening), "a guest order without email has no second key");
    }
}
