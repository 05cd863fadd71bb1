package dev.syncline.sandbox.softone;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The ERP server's clock: local Athens time without offset, which tests can move forward. */
final class SoftOneClock {

    static final ZoneId ZONE = ZoneId.of("Europe/Athens");
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private volatile Duration offset = Duration.ZERO;

    LocalDateTime now() {
        return LocalDateTime.now(ZONE).plus(offset).withNano(0);
    }

    void advance(Duration by) {
        offset = offset.plus(by);
    }

    void reset() {
        offset = Duration.ZERO;
    }
}
