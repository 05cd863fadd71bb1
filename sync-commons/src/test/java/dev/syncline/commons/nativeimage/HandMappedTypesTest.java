package dev.syncline.commons.nativeimage;

import dev.syncline.commons.testing.HandMappedTypes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard finds what it is meant to find in the classes of package {@code handmapped}. */
class HandMappedTypesTest {

    private static final String SHELF = "dev.syncline.commons.nativeimage.handmapped.Shelf$";

    private final HandMappedTypes types = HandMappedTypes.of(
            Path.of("target", "test-classes", "dev", "syncline", "commons", "nativeimage", "handmapped"));

    @Test
    void namesEveryUnregisteredTypeAndEverySiteItCannotTell() {
        List<String> unregistered = types.unregistered();

        assertEquals(5, unregistered.size(), () -> String.join("\n", unregistered));
        assertTrue(unregistered.get(0).startsWith("cannot tell which type ObjectMapper.writeValueAsString maps at Shelf.anything"),
                unregistered.get(0));
        assertTrue(unregistered.get(1).startsWith(SHELF + "Author is not registered"), unregistered.get(1));
        assertTrue(unregistered.get(1).contains("Shelf.book (line"), unregistered.get(1));
        assertTrue(unregistered.get(2).startsWith(SHELF + "Book is not registered"), unregistered.get(2));
        assertTrue(unregistered.get(3).startsWith(SHELF + "Label is not registered"), unregistered.get(3));
        assertTrue(unregistered.get(3).contains("Shelf.read (line"), unregistered.get(3));
        assertTrue(unregistered.get(4).startsWith(SHELF + "Tag is not registered"), unregistered.get(4));
    }

    @Test
    void letsRegisteredTypesAndTheirRegisteredFieldsPass() {
        assertTrue(types.mapped().contains(SHELF + "Review"));
        assertTrue(types.mapped().contains(SHELF + "Stars"));
        assertTrue(types.unregistered().stream().noneMatch(line -> line.contains("Review is") || line.contains("Stars is")));
    }
}
