package dev.syncline.packages.profile;

import java.util.UUID;

/** A booking profile, as the booking app tells us about it. */
public record Profile(UUID id, String email, String phone, String name) {
}
