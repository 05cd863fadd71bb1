package dev.syncline.commons.nativeimage;

import dev.syncline.commons.testing.HandMappedTypes;
import org.junit.jupiter.api.Test;

/** sync-commons' own hand-mapped types (the problem document, a failed run's members) are registered. */
class NativeReflectionTest {

    @Test
    void everyHandMappedTypeIsRegisteredForReflection() {
        HandMappedTypes.assertEveryTypeRegistered("dev.syncline.commons.problem.Problem");
    }
}
