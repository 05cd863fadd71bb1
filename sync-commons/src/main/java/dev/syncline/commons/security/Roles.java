package dev.syncline.commons.security;

/** Role names used on every service's endpoints. */
public final class Roles {

    /** May trigger runs and change settings (OIDC). */
    public static final String ADMIN = "sync-admin";
    /** May read status, runs and data (OIDC). */
    public static final String VIEWER = "sync-viewer";
    /** Given to a caller that presents the cron secret; opens trigger and status endpoints only. */
    public static final String CRON = "sync-cron";

    private Roles() {
    }
}
