package dev.syncline.packages;

import dev.syncline.commons.testing.HandMappedTypes;
import org.junit.jupiter.api.Test;

/**
 * A native executable reflects only on registered types: every type Jackson maps here outside a REST
 * signature (a failed bulk run's result, the problem document) is registered, or this names it and
 * where it is mapped.
 */
class NativeReflectionTest {

    @Test
    void everyHandMappedTypeIsRegisteredForReflection() {
        HandMappedTypes.assertEveryTypeRegistered("dev.syncline.packages.bulk.BulkReport$Result");
    }
}
