package dev.syncline.commons.run;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/**
 * When the service stops (SIGTERM from a container runtime or Kubernetes), its running runs are
 * closed as interrupted while the database is still reachable, instead of being left marked
 * running until some replica notices their lock is gone.
 */
@ApplicationScoped
public class StoppingRuns {

    /** Well inside the grace period of a container stop (10 s) or a pod's (30 s). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(8);

    /** Set by a JVM shutdown hook at SIGTERM, before Quarkus closes anything (its shutdown runs beside it). */
    private static volatile boolean stopping;

    static boolean stopping() {
        return stopping;
    }

    void watchForStop(@Observes StartupEvent start) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "syncline-stopping"));
    }

    void closeAtStop(@Observes ShutdownEvent stop, SyncJobLauncher launcher) {
        try {
            int interrupted = launcher.interruptAll().await().atMost(CLOSE_WAIT);
            if (interrupted > 0) {
                Log.warnf("Stopping: closed %d running run(s) as interrupted", interrupted);
            }
        } catch (RuntimeException e) {
            Log.warnf("Stopping: could not close the running runs (%s); the next start closes them", e.getMessage());
        }
    }
}
