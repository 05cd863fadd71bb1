package dev.syncline.sandbox.shopware;

import dev.syncline.sandbox.fault.FaultInjector;
import io.vertx.core.Vertx;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** One Shopware 6 shop: its integration credentials, tokens, stored entities, received requests and faults. */
final class ShopwareInstance {

    static final String CLIENT_ID = "SWIASANDBOXCLIENT";
    static final String CLIENT_SECRET = "sandbox-shopware-secret";

    final FaultInjector faults;
    final AtomicLong syncRequests = new AtomicLong();
    final AtomicLong tokensIssued = new AtomicLong();
    final AtomicLong rejectedRequests = new AtomicLong();
    /** Every sync request body as received, for contract tests (the latest {@link #KEPT_REQUESTS}). */
    final java.util.Deque<com.fasterxml.jackson.databind.JsonNode> received = new java.util.ArrayDeque<>();
    static final int KEPT_REQUESTS = 200;
    /** Every media upload request as received, with the status it was answered (the latest {@link #KEPT_REQUESTS}). */
    final java.util.Deque<Object> uploads = new java.util.ArrayDeque<>();
    final AtomicLong mediaUploads = new AtomicLong();
    final AtomicLong refusedUploads = new AtomicLong();
    ShopwareStore store = new ShopwareStore();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    volatile long tokenLifetimeSeconds = 600;

    ShopwareInstance(Vertx vertx) {
        this.faults = new FaultInjector(vertx);
    }

    synchronized void reset(long tokenLifetime) {
        store = new ShopwareStore();
        received.clear();
        uploads.clear();
        mediaUploads.set(0);
        refusedUploads.set(0);
        tokens.clear();
        tokenLifetimeSeconds = tokenLifetime;
        syncRequests.set(0);
        tokensIssued.set(0);
        rejectedRequests.set(0);
    }

    String issueToken() {
        String token = "sw-" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, Instant.now().plusSeconds(tokenLifetimeSeconds));
        tokensIssued.incrementAndGet();
        return token;
    }

    boolean valid(String token) {
        Instant expiry = token == null ? null : tokens.get(token);
        return expiry != null && Instant.now().isBefore(expiry);
    }
}
