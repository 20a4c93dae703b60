package io.socketdeck.core.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings file's line for a framing reads back as the same framing, and nonsense as none. */
class FramingTextTest {

    @Test
    void everyKindOfFramingReadsBackAsItself() {
        List<Framing> all = List.of(Framing.AsRead.INSTANCE,
                new Framing.Delimiter(new byte[] {13, 10}, false),
                new Framing.Delimiter(new byte[] {0x7E}, true),
                new Framing.FixedLength(16),
                new Framing.LengthPrefix(2, ByteOrder.BIG_ENDIAN, 0, false, 65_536),
                new Framing.LengthPrefix(4, ByteOrder.LITTLE_ENDIAN, 3, true, 1024),
                new Framing.IdleGap(20));
        for (Framing framing : all) {
            assertEquals(framing, FramingText.parse(FramingText.format(framing)), FramingText.format(framing));
        }
        assertEquals("delimiter 0D0A strip", FramingText.format(all.get(1)));
        assertEquals("length 2 be 0 payload 65536", FramingText.format(all.get(4)));
    }

    @Test
    void textThatIsNoFramingGivesNone() {
        for (String text : new String[] {null, "", "lines", "fixed", "fixed 0", "fixed x", "delimiter ZZ keep",
                "delimiter 0A", "delimiter 0A maybe", "length 3 be 0 payload 100", "length 2 xx 0 payload 100",
                "length 2 be 0 payload 1", "idle -5", "idle 1 2", "as-read now"}) {
            assertNull(FramingText.parse(text), text);
        }
    }
}
