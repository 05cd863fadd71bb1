package dev.syncline.commons.run;

import org.jboss.logging.MDC;

/**
 * The fields every log line of a run carries (MDC): {@code runId}, {@code job} and, where the
 * service has tenants, {@code tenant}. Set on the run's own Vert.x context, where Quarkus keeps the
 * MDC, so they follow the run across threads and never leak into another run's lines.
 */
final class RunLogFields {

    private RunLogFields() {
    }

    static void set(long runId, String job, String tenant) {
        MDC.put("runId", String.valueOf(runId));
        MDC.put("job", job);
        if (tenant != null) {
            MDC.put("tenant", tenant);
        } else {
            MDC.remove("tenant");
        }
    }
}
