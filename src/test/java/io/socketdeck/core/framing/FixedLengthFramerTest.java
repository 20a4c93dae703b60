package io.socketdeck.core.framing;

import static io.socketdeck.core.framing.Reads.feed;
import static io.socketdeck.core.framing.Reads.feedInReadsOf;
import static io.socketdeck.core.framing.Reads.sequence;
import static io.socketdeck.core.framing.Reads.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedLengthFramerTest {

    private final HoldBudget budget = HoldBudget.unshared();
    private final Recorder sink = new Recorder();

    private Framer framer(int length) {
        return new Framing.FixedLength(length).newFramer(budget);
    }

    @ParameterizedTest(name = "reads of {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 23, 100})
    void framesHaveTheLengthWhateverTheReadSizes(int readSize) {
        byte[] stream = sequence(23);
        Framer framer = framer(4);

        feedInReadsOf(framer, stream, readSize, sink);

        assertEquals(5, sink.frames().size());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(Arrays.copyOfRange(stream, 4 * i, 4 * i + 4), sink.frames().get(i), "frame " + i);
        }
        assertEquals(3, framer.held());
        assertArrayEquals(Arrays.copyOfRange(stream, 20, 23), framer.flush());
        assertNull(framer.flush());
        assertEquals(0, budget.used());
    }

    @Test
    void aFrameBegunInOneReadIsFinishedByLaterOnes() {
        Framer framer = framer(4);
        feed(framer, "ab", sink);
        feed(framer, "c", sink);
        assertEquals(List.of(), sink.texts());
        feed(framer, "def", sink);
        assertEquals(List.of("abcd"), sink.texts());
        assertEquals(2, framer.held());
    }

    @Test
    void aReadEndingOnAFrameBoundaryLeavesNothingHeld() {
        Framer framer = framer(3);
        feed(framer, "abcdef", sink);
        assertEquals(List.of("abc", "def"), sink.texts());
        assertEquals(0, framer.held());
        assertNull(framer.flush());
    }

    @Test
    void lengthOneMakesEveryByteAFrame() {
        Framer framer = framer(1);
        feed(framer, "xyz", sink);
        assertEquals(List.of("x", "y", "z"), sink.texts());
        assertNull(framer.flush());
    }

    @Test
    void flushGivesTheTailOnceThenNull() {
        Framer framer = framer(8);
        feed(framer, "tail", sink);
        assertEquals("tail", text(framer.flush()));
        assertNull(framer.flush());
    }

    @Test
    void framingStartsAfreshAfterAFlush() {
        Framer framer = framer(4);
        feed(framer, "ab", sink);
        framer.flush();
        feed(framer, "cdef", sink);
        assertEquals(List.of("cdef"), sink.texts());
    }
}
