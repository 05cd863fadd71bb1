package dev.syncline.commons.upstream;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An upstream's {@code Retry-After}: seconds or an HTTP date, capped so that a run never sleeps
 * for hours; one second when absent or unreadable.
 */
public final class RetryAfter {

    static final Duration FALLBACK = Duration.ofSeconds(1);

    private RetryAfter() {
    }

    public static Duration parse(String header, Duration cap) {
        if (header == null || header.isBlank()) {
            return FALLBACK;
        }
        Duration asked;
        try {
            asked = Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                asked = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException unreadable) {
                return FALLBACK;
            }
        }
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(cap) > 0 ? cap : asked;
    }

    /** Fails with {@code failure} after waiting {@code wait}, so the retry that follows is welcome. */
    public static <T> Uni<T> waitThenFail(Duration wait, RuntimeException failure) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                .chain(() -> Uni.createFrom().failure(failure));
    }
}
