package dev.syncline.commons.run;

import dev.syncline.commons.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Who started a run: a person or program through the API, the service's own schedule, or an external cron. */
public enum RunTrigger {
    API, SCHEDULE, CRON;

    public String dbValue() {
        return name().toLowerCase();
    }

    /** An API call with the cron secret came from an external cron; any other from a person or program. */
    public static RunTrigger of(SecurityIdentity caller) {
        return caller.hasRole(Roles.CRON) ? CRON : API;
    }
}
