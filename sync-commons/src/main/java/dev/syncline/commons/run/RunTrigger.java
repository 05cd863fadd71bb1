package dev.syncline.commons.run;

/** Who started a run: a person or program through the API, the service's own schedule, or an external cron. */
public enum RunTrigger {
    API, SCHEDULE, CRON;

    public String dbValue() {
        return name().toLowerCase();
    }
}
