package io.socketdeck.cli.script;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketdeck.core.text.Language;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text, regex and hex expectations: found anywhere in what is unconsumed, consumed to their end. */
class ExpectedTest {

    private static Step.Expect step(String yaml) throws ScriptException {
        Script script = ScriptLoader.parse("s.yaml", "steps:\n  - connect: {tcp: 127.0.0.1:5000}\n  - expect: " + yaml
                + "\n", Map.of("v", "0A"));
        return (Step.Expect) script.steps().get(1);
    }

    private static ReceivedStream received(String text) {
        ReceivedStream stream = new ReceivedStream(StandardCharsets.UTF_8);
        stream.append(text.getBytes(StandardCharsets.UTF_8));
        return stream;
    }

    @Test
    void textIsFoundAfterOtherOutputAndConsumedThroughItsEnd() throws Exception {
        Expected expected = Expected.of(step("VALUE=42"), Map.of());
        ReceivedStream stream = received("banner\nVALUE=4");
        assertNull(expected.take(stream), "not all of it yet");
        stream.append("2\nnext".getBytes(StandardCharsets.UTF_8));
        assertEquals("VALUE=42", expected.take(stream).matched());
        assertEquals("\nnext", stream.text());
        assertNull(expected.take(stream), "consumed: a second expect needs a second VALUE=42");
    }

    @Test
    void aRegexCapturesByNumberAndByNameAndAnAbsentGroupIsEmpty() throws Exception {
        Expected expected = Expected.of(step("{regex: 'T=(?<token>\\w+)( unit=(\\w+))?', capture: {a: token, b: 3, c: 0}}"),
                Map.of());
        ReceivedStream stream = received("x T=abc123 rest");
        Expected.Found found = expected.take(stream);
        assertAll(() -> assertEquals("T=abc123", found.matched()),
                () -> assertEquals(Map.of("a", "abc123", "b", "", "c", "T=abc123"), found.captured()),
                () -> assertEquals(" rest", stream.text()));
    }

    @Test
    void hexFindsItsBytesWithWildcardsAnywhere() throws Exception {
        Expected expected = Expected.of(step("{hex: '01 03 02 ?? ??'}"), Map.of());
        ReceivedStream stream = new ReceivedStream(StandardCharsets.UTF_8);
        stream.append(HexFormat.ofDelimiter(" ").parseHex("FF 01 03 02 00"));
        assertNull(expected.take(stream));
        stream.append(HexFormat.ofDelimiter(" ").parseHex("2A 99"));
        assertEquals("01 03 02 00 2A", expected.take(stream).matched());
        assertEquals(1, stream.byteCount());
    }

    @Test
    void aValueThatIsNoHexIsRefusedInTheSendBoxsWords() throws Exception {
        Locale before = Language.current();
        Language.use(Locale.ENGLISH);
        try {
            Step.Expect step = step("{hex: '01 ${v}'}");
            assertEquals("0A", Expected.of(step, Map.of("v", "0A")) instanceof Expected.Hex hex ? hex.typed().substring(3)
                    : null);
            assertEquals("hex \"01 0G\": Not a hex digit at character 5: \u201cG\u201d.",
                    assertThrows(Expected.Invalid.class, () -> Expected.of(step, Map.of("v", "0G"))).getMessage());
        } finally {
            Language.use(before);
        }
    }
}
