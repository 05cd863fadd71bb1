package dev.syncline.magento.consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource({
            "jan@example.nl,jan@example.nl",
            "'  Jan@Example.NL ',jan@example.nl",
            "SANNE.DE.VRIES+shop@MAIL.EXAMPLE.BE,sanne.de.vries+shop@mail.example.be"})
    void normalisesByTrimmingAndLowerCasing(String raw, String expected) {
        assertEquals(Optional.of(expected), EmailAddress.normalise(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "geen-email", "jan@", "@example.nl", "piet@@example.nl", "jan@localhost",
            "jan de vries@example.nl", "jan@example."})
    void rejectsWhatIsNotAnAddress(String raw) {
        assertEquals(Optional.empty(), EmailAddress.normalise(raw));
    }
}
