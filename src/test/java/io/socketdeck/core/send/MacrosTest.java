package io.socketdeck.core.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Macros are replaced at each send, in text and in hex, and a bad one is refused where it is. */
class MacrosTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:04:05.678Z");
    private static final PayloadOptions UTF8 = PayloadOptions.text(StandardCharsets.UTF_8);

    /** A tab's counter from 1, a fixed clock, and (for an answer) the request. */
    private static final class Values implements MacroValues {
        final AtomicLong counter = new AtomicLong();
        byte[] request;

        @Override
        public long nextCounter() {
            return counter.incrementAndGet();
        }

        @Override
        public Instant now() {
            return NOW;
        }

        @Override
        public byte[] request() {
            return request;
        }
    }

    private static String text(String typed, MacroValues values) throws PayloadException {
        return new String(Payloads.build(typed, UTF8, values), StandardCharsets.UTF_8);
    }

    private static String local(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneId.systemDefault()).format(NOW);
    }

    @Test
    void theCounterGoesUpOncePerSendAndCanBePadded() throws Exception {
        Values values = new Values();
        assertEquals("#1 again 1", text("#{{COUNTER}} again {{COUNTER}}", values), "one value per send");
        assertEquals("#0002", text("#{{COUNTER:4}}", values));
        assertEquals("no counter", text("no counter", values));
        assertEquals(2, values.counter.get(), "a send without it does not move it");
    }

    @Test
    void timesDatesAndEpochsComeFromTheClock() throws Exception {
        Values values = new Values();
        assertEquals(local("HH:mm:ss"), text("{{TIME}}", values));
        assertEquals(local("HH:mm:ss.SSS"), text("{{TIME:HH:mm:ss.SSS}}", values));
        assertEquals(local("yyyy-MM-dd") + "/" + local("yyyyMMdd"), text("{{DATE}}/{{DATE:yyyyMMdd}}", values));
        assertEquals(NOW.getEpochSecond() + " " + NOW.toEpochMilli(), text("{{UNIX}} {{unix_ms}}", values));
    }

    @Test
    void bytesMacrosAreRawBytesAmongTheText() throws Exception {
        byte[] built = Payloads.build("A{{HEX:00 FF}}B", UTF8, new Values());
        assertArrayEquals(new byte[] {'A', 0, (byte) 0xFF, 'B'}, built);
        byte[] first = Payloads.build("{{RANDOM:16}}", UTF8, new Values());
        byte[] second = Payloads.build("{{RANDOM:16}}", UTF8, new Values());
        assertEquals(16, first.length);
        assertFalse(Arrays.equals(first, second), "new bytes at each send");
    }

    @Test
    void inHexTheMacrosGiveTheDigitsTheHexIsReadFrom() throws Exception {
        Values values = new Values();
        values.counter.set(6);
        PayloadOptions hex = PayloadOptions.hexBytes().withChecksum(Checksum.NONE);
        assertArrayEquals(HexFormat.of().parseHex("01060700"), Payloads.build("01 06 {{COUNTER:2}} {{HEX:00}}", hex, values));
        assertEquals(5, Payloads.build("AA {{RANDOM:4}}", hex, values).length);
    }

    @Test
    void fourBracesAreTwoLiteralBraces() throws Exception {
        assertEquals("{{COUNTER}}", text("{{{{COUNTER}}", new Values()));
        assertEquals("{x}", text("{x}", new Values()), "single braces are text");
    }

    @Test
    void anAnswerCanQuoteItsRequest() throws Exception {
        Values values = new Values();
        values.request = new byte[] {1, 3, (byte) 0xAB};
        assertEquals("got 01 03 AB", text("got {{REQ_HEX}}", values));
        PayloadException own = assertThrows(PayloadException.class, () -> text("got {{REQ_HEX}}", new Values()));
        assertEquals(PayloadException.Reason.MACRO_NOT_HERE, own.reason());
        assertEquals(4, own.position());
    }

    @Test
    void aBadMacroIsRefusedAtItsPosition() {
        PayloadException unknown = assertThrows(PayloadException.class, () -> text("ab{{COUNTR}}", new Values()));
        assertEquals(PayloadException.Reason.UNKNOWN_MACRO, unknown.reason());
        assertEquals(2, unknown.position());
        assertEquals("{{COUNTR}}", unknown.offending());
        for (String bad : new String[] {"{{RANDOM:0}}", "{{RANDOM}}", "{{COUNTER:x}}", "{{TIME:#}}", "{{HEX:0}}",
                "{{UNIX:3}}", "{{COUNTER"}) {
            PayloadException e = assertThrows(PayloadException.class, () -> text("x" + bad, new Values()), bad);
            assertEquals(PayloadException.Reason.BAD_MACRO, e.reason(), bad);
            assertEquals(1, e.position(), bad);
        }
    }

    @Test
    void anErrorAfterAMacroIsStillAtItsPlaceInWhatWasTyped() {
        PayloadOptions escapes = UTF8.withEscapes(true);
        PayloadException e = assertThrows(PayloadException.class,
                () -> Payloads.build("ab{{TIME}}\\q", escapes, new Values()));
        assertEquals(PayloadException.Reason.UNKNOWN_ESCAPE, e.reason());
        assertEquals(10, e.position());
        PayloadException hex = assertThrows(PayloadException.class,
                () -> Payloads.build("01 {{COUNTER:2}} 0G", PayloadOptions.hexBytes(), new Values()));
        assertEquals(PayloadException.Reason.HEX_INVALID_CHARACTER, hex.reason());
        assertEquals(18, hex.position(), "the G, counted in what was typed");
        PayloadException odd = assertThrows(PayloadException.class,
                () -> Payloads.build("01 {{COUNTER}}", PayloadOptions.hexBytes(), new Values()));
        assertEquals(PayloadException.Reason.HEX_ODD_DIGITS, odd.reason(), "a counter of 1 is one digit: pad it");
        assertEquals(3, odd.position(), "at the macro");
    }

    @Test
    void onlyPayloadsWithoutChangingMacrosAreFixed() throws Exception {
        assertTrue(Macros.parse("PING {{HEX:0D0A}}").fixed());
        assertFalse(Macros.parse("#{{COUNTER}}").fixed());
        assertNotEquals(Macros.parse("a"), Macros.parse("b"));
    }
}
