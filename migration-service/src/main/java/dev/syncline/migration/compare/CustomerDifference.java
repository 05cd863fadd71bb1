package dev.syncline.migration.compare;

import dev.syncline.migration.store.StoreCustomer;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** The seed's CustomerDifference, plus how the record was (not) matched. */
public record CustomerDifference(String email, String firstName, String lastName, String phone, String sourceCustomerId,
                                 boolean existsInSource, boolean existsInDestination, String sourcePlatform,
                                 String destinationPlatform, String matchStatus, String matchNote, List<String> candidates) {

    /** The part stored while the comparison runs; match status and note are added when it is matched. */
    @RegisterForReflection
    record Shown(String email, String firstName, String lastName, String phone, String sourceCustomerId) implements ComparedRecord.Shown {
        static Shown of(StoreCustomer c) {
            return new Shown(c.email() == null ? null : c.email().trim(), c.firstName(), c.lastName(), c.phone(), c.id());
        }
    }
}
