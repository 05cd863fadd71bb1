package dev.syncline.packages.profile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+66 81 234 5678", "081-234-5678", "0812345678", "66812345678", "0066 81 234 5678", " (081) 234 5678 "})
    void thaiNumbersInEveryFormatAreOne(String raw) {
        assertEquals(Optional.of("66812345678"), PhoneNumber.normalise(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12345", "n/a"})
    void tooShortIsNoNumber(String raw) {
        assertEquals(Optional.empty(), PhoneNumber.normalise(raw));
    }
}
