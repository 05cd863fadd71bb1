package dev.syncline.packages;

import dev.syncline.commons.testing.HandMappedTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A native executable reflects only on registered types: every type Jackson maps here outside a REST
 * signature (a failed bulk run's result, the problem document) is registered, or this names it and
 * where it is mapped.
 */
class NativeReflectionTest {

    @Test
    void everyHandMappedTypeIsRegisteredForReflection() {
        HandMappedTypes types = HandMappedTypes.ofThisModule();
        List<String> unregistered = types.unregistered();

        assertTrue(unregistered.isEmpty(), () -> String.join("\n", unregistered));
        assertTrue(types.mapped().contains("dev.syncline.packages.bulk.BulkReport$Result"), types.mapped()::toString);
    }
}
