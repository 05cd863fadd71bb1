package dev.syncline.commons.upstream;

/**
 * The upstream refused the request in a way that asking again will not change: bad credentials,
 * a rejected request, an in-band error. Never retried, never counted against the circuit breaker.
 */
public class UpstreamRefused extends RuntimeException {

    public UpstreamRefused(String message) {
        super(message);
    }
}
