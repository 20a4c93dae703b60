package io.socketdeck.core.framing;

import static io.socketdeck.core.framing.Reads.feed;
import static io.socketdeck.core.framing.Reads.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdleGapFramerTest {

    private final HoldBudget budget = HoldBudget.unshared();
    private final Recorder sink = new Recorder();

    private Framer framer(int millis) {
        return new Framing.IdleGap(millis).newFramer(budget);
    }

    @Test
    void feedHoldsEverythingUntilFlushed() {
        Framer framer = framer(50);
        feed(framer, "ab\n", sink);
        feed(framer, "cd\r\n", sink);
        assertEquals(List.of(), sink.texts());
        assertEquals(7, framer.held());
        assertEquals(7, budget.used());

        assertEquals("ab\ncd\r\n", text(framer.flush()));
        assertEquals(0, framer.held());
        assertEquals(0, budget.used());
        assertNull(framer.flush());
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(ints = {1, 250, 60_000})
    void theGapIsTheMillisInNanoseconds(int millis) {
        assertEquals(millis * 1_000_000L, framer(millis).idleGapNanos());
    }

    @Test
    void flushIsNullWhenNothingWasRead() {
        assertNull(framer(10).flush());
    }

    @Test
    void aRunPastMaxUnframedIsCutAndNoByteIsLost() {
        byte[] stream = new byte[Framing.MAX_UNFRAMED + 10];
        Arrays.fill(stream, (byte) 'x');
        Framer framer = framer(10);

        for (int at = 0; at < stream.length; at += 65_536) {
            feed(framer, stream, at, Math.min(stream.length, at + 65_536), sink);
            assertTrue(framer.held() <= Framing.MAX_UNFRAMED, "held " + framer.held());
        }

        assertEquals(1, sink.frames().size());
        assertEquals(Framing.MAX_UNFRAMED, sink.frames().get(0).length);
        assertArrayEquals(stream, sink.handedOverThen(framer.flush()));
        assertEquals(0, budget.used());
    }
}
