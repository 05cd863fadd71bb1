package dev.syncline.commons.run;

/** A run to start: which job, in which mode (full, incremental, …), and who asked. */
public record RunRequest(String job, String mode, RunTrigger trigger) {
}
