package dev.syncline.commons.upstream;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryAfterTest {

    private static final Duration CAP = Duration.ofSeconds(60);

    @Test
    void secondsAreTakenAndCapped() {
        assertEquals(Duration.ofSeconds(5), RetryAfter.parse("5", CAP));
        assertEquals(CAP, RetryAfter.parse("7200", CAP));
    }

    @Test
    void anHttpDateIsTheTimeUntilThen() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration wait = RetryAfter.parse(inTenSeconds, CAP);
        assertTrue(wait.compareTo(Duration.ofSeconds(8)) >= 0 && wait.compareTo(Duration.ofSeconds(10)) <= 0, wait.toString());
    }

    @Test
    void missingOrUnreadableMeansOneSecond() {
        assertEquals(Duration.ofSeconds(1), RetryAfter.parse(null, CAP));
        assertEquals(Duration.ofSeconds(1), RetryAfter.parse("soon", CAP));
    }
}
