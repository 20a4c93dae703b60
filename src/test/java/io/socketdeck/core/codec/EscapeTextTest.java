package io.socketdeck.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketdeck.core.codec.TextEncodingException.Reason;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EscapeTextTest {

    private static final Charset GBK = Charset.forName("GBK");

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static Stream<Arguments> everyEscape() {
        return Stream.of(
                Arguments.of("a\\rb", bytes('a', 0x0D, 'b')),
                Arguments.of("a\\nb", bytes('a', 0x0A, 'b')),
                Arguments.of("a\\tb", bytes('a', 0x09, 'b')),
                Arguments.of("a\\\\b", bytes('a', '\\', 'b')),
                Arguments.of("a\\0b", bytes('a', 0x00, 'b')),
                Arguments.of("\\012", bytes(0x00, '1', '2')),
                Arguments.of("\\x41\\x0d\\xFF", bytes(0x41, 0x0D, 0xFF)),
                Arguments.of("\\x41B", bytes(0x41, 'B')),
                Arguments.of("\\u0041", bytes(0x41)),
                Arguments.of("\\u4F60", bytes(0xE4, 0xBD, 0xA0)),
                Arguments.of("\\uD83D\\uDE00", bytes(0xF0, 0x9F, 0x98, 0x80)),
                Arguments.of("\\\\x41", bytes('\\', 'x', '4', '1')),
                Arguments.of("AT\\r\\n", bytes('A', 'T', 0x0D, 0x0A)),
                Arguments.of("", new byte[0]),
                Arguments.of("no escapes", "no escapes".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("everyEscape")
    void everyEscapeInUtf8(String typed, byte[] expected) throws TextEncodingException {
        assertArrayEquals(expected, EscapeText.encode(typed, StandardCharsets.UTF_8));
    }

    @Test
    void hexEscapeIsOneRawByteWhateverTheCharset() throws TextEncodingException {
        // \xFF is not a UTF-8 character and \x80 is not a GBK one: both still go out as single bytes.
        assertArrayEquals(bytes(0xE4, 0xBD, 0xA0, 0xFF, 0xE5, 0xA5, 0xBD),
                EscapeText.encode("你\\xFF好", StandardCharsets.UTF_8));
        assertArrayEquals(bytes(0xC4, 0xE3, 0x80, 0xBA, 0xC3), EscapeText.encode("你\\x80好", GBK));
        assertArrayEquals(bytes(0x41, 0x00, 0xFF, 0x0A, 0x00),
                EscapeText.encode("A\\xFF\\n", StandardCharsets.UTF_16LE), "\\x raw, \\n a UTF-16 char");
    }

    @Test
    void characterEscapesAreEncodedInTheCharset() throws TextEncodingException {
        assertArrayEquals(bytes(0xC4, 0xE3, 0x0D, 0x0A), EscapeText.encode("\\u4F60\\r\\n", GBK));
        assertArrayEquals(bytes(0x00, 0x0D, 0x00, 0x00), EscapeText.encode("\\r\\0", StandardCharsets.UTF_16BE));
    }

    @Test
    void aByteOrderMarkIsWrittenOnceAcrossRawBytes() throws TextEncodingException {
        // One encoder for the whole payload: "UTF-16" writes its mark once, not once per piece.
        assertArrayEquals(bytes(0xFE, 0xFF, 0x00, 'A', 0x7F, 0x00, 'B'),
                EscapeText.encode("A\\x7FB", StandardCharsets.UTF_16));
    }

    static Stream<Arguments> badEscapes() {
        return Stream.of(
                Arguments.of("ab\\q", Reason.UNKNOWN_ESCAPE, 2, "\\q"),
                Arguments.of("\\a", Reason.UNKNOWN_ESCAPE, 0, "\\a"),
                Arguments.of("x\\X41", Reason.UNKNOWN_ESCAPE, 1, "\\X"),
                Arguments.of("\\x4", Reason.BAD_HEX_ESCAPE, 0, "\\x4"),
                Arguments.of("ab\\x4 ", Reason.BAD_HEX_ESCAPE, 2, "\\x4 "),
                Arguments.of("\\xG1", Reason.BAD_HEX_ESCAPE, 0, "\\xG1"),
                Arguments.of("\\x", Reason.BAD_HEX_ESCAPE, 0, "\\x"),
                Arguments.of("\\u12G4", Reason.BAD_UNICODE_ESCAPE, 0, "\\u12G4"),
                Arguments.of("z\\u12", Reason.BAD_UNICODE_ESCAPE, 1, "\\u12"),
                Arguments.of("abc\\", Reason.TRAILING_BACKSLASH, 3, "\\"),
                Arguments.of("\\\\\\", Reason.TRAILING_BACKSLASH, 2, "\\"),
                Arguments.of("ok\\n then \\q and \\x4", Reason.UNKNOWN_ESCAPE, 10, "\\q"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} at {2}")
    @MethodSource("badEscapes")
    void badEscapesAreErrorsAtTheirPosition(String typed, Reason reason, int position, String offending) {
        TextEncodingException error = assertThrows(TextEncodingException.class,
                () -> EscapeText.encode(typed, StandardCharsets.UTF_8));
        assertEquals(reason, error.reason());
        assertEquals(position, error.position());
        assertEquals(offending, error.offending());
        assertNull(error.charsetName());
    }

    @Test
    void unmappableCharactersAreErrorsNotQuestionMarks() {
        TextEncodingException literal = assertThrows(TextEncodingException.class,
                () -> EscapeText.encode("AB\\r\\n€", StandardCharsets.US_ASCII));
        assertEquals(Reason.UNMAPPABLE, literal.reason());
        assertEquals(6, literal.position());
        assertEquals("€", literal.offending());
        assertEquals("US-ASCII", literal.charsetName());

        TextEncodingException escaped = assertThrows(TextEncodingException.class,
                () -> EscapeText.encode("\\x01 \\u20AC", StandardCharsets.ISO_8859_1));
        assertEquals(5, escaped.position());
        assertEquals("\\u20AC", escaped.offending(), "the escape as typed");

        TextEncodingException emoji = assertThrows(TextEncodingException.class,
                () -> EscapeText.encode("好😀", GBK));
        assertEquals(1, emoji.position());
        assertEquals("😀", emoji.offending(), "a surrogate pair is one character");
    }

    @Test
    void loneSurrogatesAreRefused() {
        TextEncodingException lone = assertThrows(TextEncodingException.class,
                () -> EscapeText.encode("a\\uD83D\\x00", StandardCharsets.UTF_8));
        assertEquals(Reason.UNMAPPABLE, lone.reason());
        assertEquals(1, lone.position());
        assertEquals("\\uD83D", lone.offending());
        TextEncodingException atEnd = assertThrows(TextEncodingException.class,
                () -> EscapeText.encode("ab\\uDE00", StandardCharsets.UTF_8));
        assertEquals(2, atEnd.position());
    }

    @Test
    void plainTextEncodingReportsTheSameWay() throws TextEncodingException {
        assertArrayEquals(bytes('a', '\\', 'n'), TextEncoding.encode("a\\n", StandardCharsets.UTF_8),
                "without escapes a backslash is a backslash");
        TextEncodingException error = assertThrows(TextEncodingException.class,
                () -> TextEncoding.encode("溫度ok₩", Charset.forName("Big5")));
        assertEquals(Reason.UNMAPPABLE, error.reason());
        assertEquals(4, error.position());
        assertEquals("₩", error.offending());
        assertEquals("Big5", error.charsetName());
    }

    @Test
    void formatEscapesWhatIsNotPrintableText() {
        assertEquals("AT\\r\\nOK\\0\\t\\\\ \\x1B[0m\\x7F", EscapeText.format(
                bytes('A', 'T', 0x0D, 0x0A, 'O', 'K', 0, 9, '\\', ' ', 0x1B, '[', '0', 'm', 0x7F), StandardCharsets.UTF_8));
        assertEquals("你好\\xFF\\xE4\\xBD", EscapeText.format(bytes(0xE4, 0xBD, 0xA0, 0xE5, 0xA5, 0xBD, 0xFF, 0xE4, 0xBD),
                StandardCharsets.UTF_8), "invalid and incomplete sequences byte by byte");
        assertEquals("A\\u0001\\u2028", EscapeText.format(bytes(0x41, 0x00, 0x01, 0x00, 0x28, 0x20),
                StandardCharsets.UTF_16LE), "controls of a wide charset as \\u");
    }

    @Test
    void formatThenEncodeGivesTheBytesBack() throws TextEncodingException {
        Random random = new Random(42);
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, GBK, StandardCharsets.ISO_8859_1,
                StandardCharsets.US_ASCII, StandardCharsets.UTF_16BE}) {
            for (int round = 0; round < 200; round++) {
                byte[] original = new byte[random.nextInt(64)];
                random.nextBytes(original);
                String text = EscapeText.format(original, charset);
                assertEquals(-1, text.indexOf('\n'), "one line");
                assertArrayEquals(original, EscapeText.encode(text, charset), charset + ": " + text);
            }
        }
    }
}
