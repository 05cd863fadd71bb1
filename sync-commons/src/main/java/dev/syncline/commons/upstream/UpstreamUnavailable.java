package dev.syncline.commons.upstream;

/**
 * The upstream failed in a way that may pass: 5xx, 429, a timeout, a broken connection, an
 * unreadable answer. Retried with backoff, and counted by the upstream's circuit breaker.
 */
public class UpstreamUnavailable extends RuntimeException {

    public UpstreamUnavailable(String message) {
        super(message);
    }

    public UpstreamUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
