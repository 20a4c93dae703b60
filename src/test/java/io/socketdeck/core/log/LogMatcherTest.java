package io.socketdeck.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.codec.HexFormatException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogMatcherTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void textInTheLogsEncoding() {
        byte[] gbk = "温度=25 OK".getBytes(GBK);
        assertTrue(LogMatcher.text("温度", GBK, false).matches(gbk));
        assertFalse(LogMatcher.text("温度", StandardCharsets.UTF_8, false).matches(gbk), "other encoding, other text");
        assertTrue(LogMatcher.text("=25", GBK, false).matches(gbk));
    }

    @Test
    void caseIsIgnoredOnlyWhenAsked() {
        byte[] bytes = "Status: ERROR Ä".getBytes(StandardCharsets.UTF_8);
        assertFalse(LogMatcher.text("error", StandardCharsets.UTF_8, false).matches(bytes));
        assertTrue(LogMatcher.text("error", StandardCharsets.UTF_8, true).matches(bytes));
        assertTrue(LogMatcher.text("ä", StandardCharsets.UTF_8, true).matches(bytes), "beyond ASCII too");
    }

    @Test
    void textIsLiteralNotARegex() {
        byte[] bytes = "a+b (x)".getBytes(StandardCharsets.US_ASCII);
        assertTrue(LogMatcher.text("a+b (x", StandardCharsets.US_ASCII, false).matches(bytes));
        assertFalse(LogMatcher.text("a.b", StandardCharsets.US_ASCII, false).matches(bytes));
    }

    @Test
    void hexLooksInTheRawBytes() throws HexFormatException {
        byte[] frame = {0x7E, 0x01, 0x0D, 0x0A, (byte) 0xFF, 0x0D};
        assertTrue(LogMatcher.hex("0D 0A").matches(frame));
        assertTrue(LogMatcher.hex("0xFF,0x0D").matches(frame), "at the very end");
        assertTrue(LogMatcher.hex("7e").matches(frame), "at the very start");
        assertFalse(LogMatcher.hex("0A 0D").matches(frame));
        assertFalse(LogMatcher.hex("0D 0A FF 0D 00").matches(frame), "longer than what is left");
        assertFalse(LogMatcher.hex("01 0D").matches(frame, 2, 4), "outside the range");
        assertTrue(LogMatcher.hex("0D 0A").matches(frame, 2, 2));
    }

    @Test
    void emptyPatternsMatchEverything() throws HexFormatException {
        assertTrue(LogMatcher.text("", StandardCharsets.UTF_8, true).matches(new byte[0]));
        assertTrue(LogMatcher.hex(" ").matches(new byte[] {1}));
    }

    @Test
    void badHexIsAPositionedError() {
        HexFormatException error = assertThrows(HexFormatException.class, () -> LogMatcher.hex("0D 0G"));
        assertEquals(4, error.position());
    }
}
