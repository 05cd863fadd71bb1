package dev.syncline.commons.run;

/**
 * A run to start: which job, in which mode (full, incremental, …), who asked, and for which tenant
 * (null for services that have none). Job and tenant go into every log line of the run.
 */
public record RunRequest(String job, String mode, RunTrigger trigger, String tenant) {

    public RunRequest(String job, String mode, RunTrigger trigger) {
        this(job, mode, trigger, null);
    }
}
