package io.socketdeck.core.codec;

import static io.socketdeck.core.codec.StreamTextDecoderMalformedTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketdeck.core.codec.HexFormatException.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HexParserTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("48 65 6C", bytes(0x48, 0x65, 0x6C)),
                Arguments.of("48656C", bytes(0x48, 0x65, 0x6C)),
                Arguments.of("48656c", bytes(0x48, 0x65, 0x6C)),
                Arguments.of("0x48,0x65", bytes(0x48, 0x65)),
                Arguments.of("0X48 0x65", bytes(0x48, 0x65)),
                Arguments.of("0x48, 0x65, 0xff", bytes(0x48, 0x65, 0xFF)),
                Arguments.of("0x4865", bytes(0x48, 0x65)),
                Arguments.of("0x00", bytes(0x00)),
                Arguments.of("de:ad:BE:ef", bytes(0xDE, 0xAD, 0xBE, 0xEF)),
                Arguments.of("00-1A-2b-3C", bytes(0x00, 0x1A, 0x2B, 0x3C)),
                Arguments.of("01;02;03", bytes(0x01, 0x02, 0x03)),
                Arguments.of("48\t65\n6C\r\n0A", bytes(0x48, 0x65, 0x6C, 0x0A)),
                Arguments.of("  48 ,; :- 65  \n", bytes(0x48, 0x65)),
                Arguments.of("\u00A048\u00A065\u3000", bytes(0x48, 0x65)),
                Arguments.of("4865 6C,0x6C6F", bytes(0x48, 0x65, 0x6C, 0x6C, 0x6F)),
                Arguments.of("", new byte[0]),
                Arguments.of("   \t\r\n ", new byte[0]),
                Arguments.of(", ;:-", new byte[0]));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("accepted")
    void acceptsTypedForms(String text, byte[] expected) throws HexFormatException {
        assertArrayEquals(expected, HexParser.parse(text));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("486", Reason.ODD_DIGITS, 0, "486"),
                Arguments.of("4 865", Reason.ODD_DIGITS, 0, "4"),
                Arguments.of("48 A", Reason.ODD_DIGITS, 3, "A"),
                Arguments.of("48 65 6", Reason.ODD_DIGITS, 6, "6"),
                Arguments.of("48 0x486", Reason.ODD_DIGITS, 5, "486"),
                Arguments.of("0x5", Reason.ODD_DIGITS, 2, "5"),
                Arguments.of("48 6 zz", Reason.ODD_DIGITS, 3, "6"),
                Arguments.of("48 6G", Reason.INVALID_CHARACTER, 4, "G"),
                Arguments.of("4z", Reason.INVALID_CHARACTER, 1, "z"),
                Arguments.of("48 zz", Reason.INVALID_CHARACTER, 3, "z"),
                Arguments.of("0x", Reason.INVALID_CHARACTER, 1, "x"),
                Arguments.of("0x 48", Reason.INVALID_CHARACTER, 1, "x"),
                Arguments.of("480x48", Reason.INVALID_CHARACTER, 3, "x"),
                Arguments.of("0x0x48", Reason.INVALID_CHARACTER, 3, "x"),
                Arguments.of("48 x48", Reason.INVALID_CHARACTER, 3, "x"),
                Arguments.of("48.65", Reason.INVALID_CHARACTER, 2, "."),
                Arguments.of("48 😀", Reason.INVALID_CHARACTER, 3, "😀"),
                Arguments.of("４８", Reason.INVALID_CHARACTER, 0, "４"),
                Arguments.of("48，65", Reason.INVALID_CHARACTER, 2, "，"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("rejected")
    void rejectsWithReasonAndPosition(String text, Reason reason, int position, String offending) {
        HexFormatException e = assertThrows(HexFormatException.class, () -> HexParser.parse(text));
        assertEquals(reason, e.reason());
        assertEquals(position, e.position());
        assertEquals(offending, e.offending());
    }

    @Test
    void messageNamesThePosition() {
        HexFormatException odd = assertThrows(HexFormatException.class, () -> HexParser.parse("48 656"));
        assertEquals("odd number of hex digits \"656\" at position 3", odd.getMessage());
        HexFormatException invalid = assertThrows(HexFormatException.class, () -> HexParser.parse("48 6z"));
        assertEquals("invalid character 'z' at position 4", invalid.getMessage());
    }
}
