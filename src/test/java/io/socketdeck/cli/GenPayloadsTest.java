package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.MacroValues;
import io.socketdeck.core.send.Payloads;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GenPayloadsTest {

    @Test
    void aPayloadWithoutChangingMacrosIsBuiltOnceAndSentAsTheSameArray() {
        GenPayloads payloads = GenPayloads.of("AB{{HEX:0D 0A}}", mixin("--checksum", "crc16-modbus"));
        assertTrue(payloads.fixed());
        byte[] first = payloads.next();
        assertSame(first, payloads.next(), "no build, no garbage per message");
        assertEquals(6, first.length);
    }

    @Test
    void aCounterIsBuiltForEachMessageFromOne() {
        GenPayloads payloads = GenPayloads.of("n={{COUNTER:3}}\\n", mixin("--escapes"));
        assertFalse(payloads.fixed());
        assertEquals(6, payloads.sampleLength());
        assertEquals("n=001\n", text(payloads.next()), "checking the payload first used no counter value");
        assertEquals("n=002\n", text(payloads.next()));
    }

    /** The generator's bytes are the window's: the same Payloads with the same options. */
    @Test
    void builtAsTheSendBoxBuildsThem() throws Exception {
        PayloadMixin options = mixin("--hex", "--checksum", "crc16-modbus", "--line-end", "crlf");
        GenPayloads payloads = GenPayloads.of("01 03 00 00 00 02", options);
        assertArrayEquals(Payloads.build("01 03 00 00 00 02", options.options(), MacroValues.NONE), payloads.next());
    }

    @Test
    void fillerIsExactlyTheSize() {
        assertEquals("socketdeck gen socket", text(GenPayloads.filler(21).next()));
        assertEquals(65_507, GenPayloads.filler(65_507).next().length);
    }

    @Test
    void aBadMacroIsAUsageErrorInTheWindowsWords() {
        CliFailure failure = assertThrows(CliFailure.class, () -> GenPayloads.of("x{{NOPE}}", mixin()));
        assertEquals(ExitCode.USAGE, failure.exitCode());
        assertTrue(failure.getMessage().contains("NOPE"), failure.getMessage());
    }

    private static PayloadMixin mixin(String... args) {
        PayloadMixin mixin = new PayloadMixin();
        CommandLine line = new CommandLine(new Holder(mixin));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.parseArgs(args);
        return mixin;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @CommandLine.Command
    static final class Holder {
        @CommandLine.Mixin
        final PayloadMixin mixin;

        Holder(PayloadMixin mixin) {
            this.mixin = mixin;
        }
    }
}
