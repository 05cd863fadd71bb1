package dev.syncline.commons.nativeimage;

import dev.syncline.commons.testing.HandMappedTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** sync-commons' own hand-mapped types (the problem document, a failed run's members) are registered. */
class NativeReflectionTest {

    @Test
    void everyHandMappedTypeIsRegisteredForReflection() {
        HandMappedTypes types = HandMappedTypes.ofThisModule();
        List<String> unregistered = types.unregistered();

        assertTrue(unregistered.isEmpty(), () -> String.join("\n", unregistered));
        assertTrue(types.mapped().contains("dev.syncline.commons.problem.Problem"), types.mapped()::toString);
    }
}
