package dev.syncline.commons.run;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** At start, runs a killed process left marked running are closed as interrupted. */
@ApplicationScoped
public class AbandonedRuns {

    void closeAtStart(@Observes StartupEvent start, SyncRunLedger ledger) {
        ledger.closeAbandoned().subscribe().with(
                closed -> {
                    if (closed > 0) {
                        Log.warnf("Closed %d run(s) left running by a stopped process", closed);
                    }
                },
                failure -> Log.warnf("Could not close abandoned runs at start: %s", failure.getMessage()));
    }
}
