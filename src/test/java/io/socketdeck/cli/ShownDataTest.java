package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** How data lines show bytes: per connection, split-safe, on one line; and --framing's words. */
class ShownDataTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5000);

    private static SessionEvent.Data rx(long connection, String hex) {
        return new SessionEvent.Data(0, Direction.RX, PEER, HexFormat.of().parseHex(hex), connection);
    }

    @Test
    void eachConnectionCarriesItsOwnHalfCharacter() {
        ShownData shown = new ShownData(GBK);
        // 中 is D6 D0, 文 is CE C4: two connections each cut a character, interleaved
        assertEquals("", shown.text(rx(1, "d6")));
        assertEquals("", shown.text(rx(2, "ce")));
        assertEquals("\u4e2d", shown.text(rx(1, "d0")));
        assertEquals("\u6587", shown.text(rx(2, "c4")));
    }

    @Test
    void aDatagramIsWholeOnItsOwnAndNeverWaitsForTheNext() {
        ShownData shown = new ShownData(GBK);
        assertEquals("\ufffd", shown.text(rx(0, "d6")), "a datagram's cut character will never complete");
        assertEquals("\u4e2d", shown.text(rx(0, "d6d0")));
    }

    @Test
    void aConnectionThatEndedForgetsWhatItHeld() {
        ShownData shown = new ShownData(GBK);
        assertEquals("", shown.text(rx(7, "d6")));
        shown.forget(7);
        assertEquals("A", shown.text(rx(7, "41")));
    }

    @Test
    void oneLineEscapesControlsAndShowsPendingBytesAsTheWindowDoes() {
        assertEquals("GET /\\r\\n\\r\\nbody\\n", ShownData.oneLine("GET /\r\n\r\nbody\n", new byte[0]));
        assertEquals("a\tb\\x1B[0m", ShownData.oneLine("a\tb\u001b[0m", new byte[0]));
        assertEquals("\u2039D6\u203a", ShownData.oneLine("", new byte[] {(byte) 0xD6}));
        assertEquals("", ShownData.oneLine("", new byte[0]));
        assertTrue(ShownData.oneLine("", new byte[20]).endsWith(" \u2026\u203a"));
    }

    @Test
    void framingIsTypedAsTheSettingsWriteItWithLineAndCrlfAsShortForms() {
        FramingConverter converter = new FramingConverter();
        assertEquals(new Framing.Delimiter("\n".getBytes(StandardCharsets.US_ASCII), true), converter.convert("line"));
        assertEquals(new Framing.Delimiter("\r\n".getBytes(StandardCharsets.US_ASCII), true), converter.convert("crlf"));
        assertEquals(new Framing.IdleGap(20), converter.convert("idle 20"));
        assertEquals(new Framing.FixedLength(16), converter.convert("fixed 16"));
        TypeConversionException bad = assertThrows(TypeConversionException.class, () -> converter.convert("lines"));
        assertTrue(bad.getMessage().startsWith("Unknown framing \u201clines\u201d: line, crlf"), bad.getMessage());
    }
}
