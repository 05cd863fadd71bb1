package dev.syncline.sandbox.plenty;

import dev.syncline.sandbox.fault.FaultInjector;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** One Plentymarkets system: its catalog, clock, credentials, tokens, rate limit and faults. */
final class PlentyInstance {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final String USERNAME = "sandbox-plenty";
    static final String PASSWORD = "sandbox-plenty-password";

    final FaultInjector faults;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong logins = new AtomicLong();
    final AtomicLong refreshes = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    /** Image files served by the CDN, whoever fetched them (a shop downloading by URL). */
    final AtomicLong imageDownloads = new AtomicLong();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>();
    private volatile Duration clockOffset = Duration.ZERO;
    volatile PlentyCatalog catalog;
    volatile long tokenLifetimeSeconds = 86_400;
    volatile int shortPeriodLimit = 10_000;
    /** Stock rows spelled as Plenty's stock management answers them (stockNet, stockPhysical) instead of VariationStock's. */
    volatile boolean stockManagementFields;
    volatile int decaySeconds = 10;
    private Instant windowStart = Instant.now();
    private int callsInWindow;

    PlentyInstance(Vertx vertx) {
        this.faults = new FaultInjector(vertx);
        this.catalog = new PlentyCatalog(7, 0, now());
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(ZONE).plus(clockOffset).withNano(0);
    }

    void advanceClock(Duration by) {
        clockOffset = clockOffset.plus(by);
    }

    void reset(long seed, int variations, Integer imagesPerItem, long tokenLifetime) {
        clockOffset = Duration.ZERO;
        catalog = new PlentyCatalog(seed, variations, imagesPerItem, now());
        tokenLifetimeSeconds = tokenLifetime;
        accessTokens.clear();
        refreshTokens.clear();
        shortPeriodLimit = 10_000;
        decaySeconds = 10;
        requests.set(0);
        logins.set(0);
        refreshes.set(0);
        throttled.set(0);
        imageDownloads.set(0);
        synchronized (this) {
            windowStart = Instant.now();
            callsInWindow = 0;
        }
    }

    /** A new access token (and refresh token); {accessToken, tokenType, expiresIn, refreshToken}. */
    Map<String, Object> issueTokens() {
        String access = UUID.randomUUID().toString().replace("-", "");
        String refresh = UUID.randomUUID().toString().replace("-", "");
        accessTokens.put(access, Instant.now().plusSeconds(tokenLifetimeSeconds));
        refreshTokens.put(refresh, Instant.now().plusSeconds(tokenLifetimeSeconds * 2));
        return Map.of("tokenType", "Bearer", "expiresIn", tokenLifetimeSeconds, "accessToken", access,
                "refreshToken", refresh);
    }

    boolean validAccess(String token) {
        Instant expiry = token == null ? null : accessTokens.get(token);
        return expiry != null && Instant.now().isBefore(expiry);
    }

    boolean useRefresh(String token) {
        Instant expiry = token == null ? null : refreshTokens.remove(token);
        return expiry != null && Instant.now().isBefore(expiry);
    }

    /** The short-period window as Plenty counts it: calls left after this one, or -1 when none is left. */
    synchronized int countCall() {
        Instant now = Instant.now();
        if (now.isAfter(windowStart.plusSeconds(decaySeconds))) {
            windowStart = now;
            callsInWindow = 0;
        }
        if (callsInWindow >= shortPeriodLimit) {
            return -1;
        }
        callsInWindow++;
        return shortPeriodLimit - callsInWindow;
    }

    /** Seconds until the short-period window refills. */
    synchronized long decayLeft() {
        long left = Duration.between(Instant.now(), windowStart.plusSeconds(decaySeconds)).toSeconds();
        return Math.max(1, left);
    }
}
