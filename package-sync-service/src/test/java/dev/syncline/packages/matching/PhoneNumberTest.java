package dev.syncline.packages.matching;

import org.junit.jupiter.api.Test;
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

    @Test
    void theLookupPatternFindsTheNumberWhereverItsDigitsAreSplit() {
        String pattern = PhoneNumber.lookupPattern(PhoneNumber.normalise("+66 86 327 5988").orElseThrow());
        assertEquals("*3*2*7*5*9*8*8*", pattern);
        java.util.regex.Pattern like = java.util.regex.Pattern.compile(pattern.replace("*", ".*"));
        String digits = "0863275988";
        for (int split = 1; split < digits.length(); split++) {
            String written = digits.substring(0, split) + " " + digits.substring(split);
            org.junit.jupiter.api.Assertions.assertTrue(like.matcher(written).matches(), written);
            org.junit.jupiter.api.Assertions.assertTrue(like.matcher("+66 " + written.substring(1)).matches(), written);
        }
    }
}
