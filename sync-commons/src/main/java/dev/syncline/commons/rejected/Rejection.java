package dev.syncline.commons.rejected;

/** A record that could not be mapped: its id upstream and why. */
public record Rejection(String upstreamId, String reason) {
}
