package dev.syncline.catalog;

import dev.syncline.commons.testing.HandMappedTypes;
import org.junit.jupiter.api.Test;

/**
 * A native executable reflects only on registered types: every type Jackson maps here outside a REST
 * signature (Plentymarkets' records, the problem document) is registered, or this names it and where
 * it is mapped.
 */
class NativeReflectionTest {

    @Test
    void everyHandMappedTypeIsRegisteredForReflection() {
        HandMappedTypes.assertEveryTypeRegistered("dev.syncline.catalog.plenty.PlentyRecords$Variation");
    }
}
