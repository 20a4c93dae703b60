package io.socketdeck.core.send;

import static io.socketdeck.core.send.ChecksumTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    private static final PayloadOptions UTF8 = PayloadOptions.text(StandardCharsets.UTF_8);

    @Test
    void plainTextInItsCharset() throws PayloadException {
        assertArrayEquals(bytes(0xC4, 0xE3, 0xBA, 0xC3), Payloads.build("你好", PayloadOptions.text(Charset.forName("GBK"))));
        assertArrayEquals(bytes('a', '\\', 'n'), Payloads.build("a\\n", UTF8), "escapes off: a backslash is a backslash");
    }

    @Test
    void escapesWhenOn() throws PayloadException {
        assertArrayEquals(bytes('a', 0x0A, 0xFF), Payloads.build("a\\n\\xFF", UTF8.withEscapes(true)));
    }

    @Test
    void checksumCoversThePayloadAndTheLineEndingComesLast() throws PayloadException {
        PayloadOptions options = UTF8.withChecksum(Checksum.SUM8).withLineEnding(LineEnding.CRLF);
        // SUM8("AB") = 0x41 + 0x42 = 0x83; CR LF are neither summed nor before the checksum.
        assertArrayEquals(bytes('A', 'B', 0x83, 0x0D, 0x0A), Payloads.build("AB", options));
    }

    @Test
    void hexWithChecksumAndLineEnding() throws PayloadException {
        PayloadOptions options = PayloadOptions.hexBytes().withChecksum(Checksum.CRC16_MODBUS).withLineEnding(LineEnding.LF);
        assertArrayEquals(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD, 0x0A),
                Payloads.build("01 03 00 00 00 0A", options));
    }

    @Test
    void lineEndingsAreEncodedLikeTheText() throws PayloadException {
        assertArrayEquals(bytes('A', 0x00, 0x0D, 0x00, 0x0A, 0x00),
                Payloads.build("A", PayloadOptions.text(StandardCharsets.UTF_16LE).withLineEnding(LineEnding.CRLF)));
        assertArrayEquals(bytes(0x0D), Payloads.build("", UTF8.withLineEnding(LineEnding.CR)));
        assertArrayEquals(bytes(0x0A), Payloads.build("", UTF8.withLineEnding(LineEnding.LF)));
        assertArrayEquals(new byte[0], Payloads.build("", UTF8));
    }

    @Test
    void hexTakesNoEscapesOrCharset() throws PayloadException {
        assertArrayEquals(bytes(0x5C, 0x6E), Payloads.build("5C 6E", PayloadOptions.hexBytes().withEscapes(true)
                .withCharset(StandardCharsets.UTF_16BE)));
    }

    @Test
    void errorsKeepTheirPositionAndReason() {
        PayloadException odd = assertThrows(PayloadException.class,
                () -> Payloads.build("48 6", PayloadOptions.hexBytes()));
        assertEquals(PayloadException.Reason.HEX_ODD_DIGITS, odd.reason());
        assertEquals(3, odd.position());

        PayloadException badChar = assertThrows(PayloadException.class,
                () -> Payloads.build("48 zz", PayloadOptions.hexBytes()));
        assertEquals(PayloadException.Reason.HEX_INVALID_CHARACTER, badChar.reason());
        assertEquals("z", badChar.offending());

        PayloadException escape = assertThrows(PayloadException.class,
                () -> Payloads.build("ok\\q", UTF8.withEscapes(true)));
        assertEquals(PayloadException.Reason.UNKNOWN_ESCAPE, escape.reason());
        assertEquals(2, escape.position());

        PayloadException unmappable = assertThrows(PayloadException.class,
                () -> Payloads.build("caf\u00e9 \u4f60", PayloadOptions.text(StandardCharsets.ISO_8859_1)));
        assertEquals(PayloadException.Reason.UNMAPPABLE, unmappable.reason());
        assertEquals(5, unmappable.position());
        assertEquals("\u4f60", unmappable.offending());
        assertEquals("ISO-8859-1", unmappable.charsetName());
    }
}
