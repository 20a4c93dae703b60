package io.socketdeck.core.respond;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.text.InputErrors;
import io.socketdeck.core.text.Language;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A hex pattern with ?? wildcards: a rule matches a message's start, a script finds it anywhere. */
class HexPatternTest {

    private static byte[] hex(String text) {
        return HexFormat.ofDelimiter(" ").parseHex(text);
    }

    @Test
    void findLooksForThePatternAnywhereWithinTheRangeAndWildcardsTakeAnyByte() throws RuleException {
        HexPattern pattern = HexPattern.parse("01 03 02 ?? ??");
        byte[] data = hex("FF 01 03 02 00 2A 39 99");
        assertAll(() -> assertEquals(5, pattern.length()),
                () -> assertEquals(1, pattern.find(data, 0, data.length)),
                () -> assertEquals(1, pattern.find(data, 1, data.length)),
                () -> assertEquals(-1, pattern.find(data, 2, data.length), "a start past the match misses it"),
                () -> assertEquals(-1, pattern.find(data, 0, 5), "a match must end within the range"),
                () -> assertEquals(1, pattern.find(data, 0, 6)),
                () -> assertEquals(-1, pattern.find(new byte[0], 0, 0)));
    }

    @Test
    void aRuleStillMatchesOnlyAMessageThatBeginsWithThePattern() throws RuleException {
        HexPattern pattern = HexPattern.parse("01-03:??");
        assertTrue(pattern.matches(hex("01 03 7F 00")));
        assertFalse(pattern.matches(hex("00 01 03 7F")));
        assertFalse(pattern.matches(hex("01 03")));
    }

    @Test
    void badDigitsAreWordedLikeTheSendBoxsHex() {
        Locale before = Language.current();
        Language.use(Locale.ENGLISH);
        try {
            RuleException odd = assertThrows(RuleException.class, () -> HexPattern.parse("01 0"));
            RuleException bad = assertThrows(RuleException.class, () -> HexPattern.parse("01 ZZ"));
            RuleException half = assertThrows(RuleException.class, () -> HexPattern.parse("0?"));
            assertAll(() -> assertEquals("Odd number of hex digits at character 4: \u201c0\u201d.", InputErrors.hexPattern(odd)),
                    () -> assertEquals("Not a hex digit at character 4: \u201cZ\u201d.", InputErrors.hexPattern(bad)),
                    () -> assertEquals("Not a hex digit at character 1: \u201c0?\u201d.", InputErrors.hexPattern(half)),
                    () -> assertThrows(IllegalArgumentException.class,
                            () -> InputErrors.hexPattern(assertThrows(RuleException.class, () -> HexPattern.parse(" ")))));
        } finally {
            Language.use(before);
        }
    }
}
