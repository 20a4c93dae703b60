package io.socketdeck.core.framing;

import static io.socketdeck.core.framing.Reads.bytes;
import static io.socketdeck.core.framing.Reads.concat;
import static io.socketdeck.core.framing.Reads.feed;
import static io.socketdeck.core.framing.Reads.feedSplitAt;
import static io.socketdeck.core.framing.Reads.lengthPrefixed;
import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LengthPrefixFramerTest {

    private final HoldBudget budget = HoldBudget.unshared();
    private final Recorder sink = new Recorder();

    private Framer framer(Framing.LengthPrefix spec) {
        return spec.newFramer(budget);
    }

    private static Framing.LengthPrefix spec(int width, ByteOrder order, int offset, boolean countsHeader) {
        return new Framing.LengthPrefix(width, order, offset, countsHeader, 1000);
    }

    private static byte[] of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Widths 1, 2 and 4, both byte orders, offsets 0 and 2, the length counting the header or not. */
    static Stream<Framing.LengthPrefix> layouts() {
        List<Framing.LengthPrefix> layouts = new ArrayList<>();
        for (int width : new int[] {1, 2, 4}) {
            for (ByteOrder order : new ByteOrder[] {BIG_ENDIAN, LITTLE_ENDIAN}) {
                for (int offset : new int[] {0, 2}) {
                    for (boolean countsHeader : new boolean[] {true, false}) {
                        layouts.add(spec(width, order, offset, countsHeader));
                    }
                }
            }
        }
        return layouts.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void framesWholeFramesInOneReadForEveryLayout(Framing.LengthPrefix spec) {
        byte[] empty = lengthPrefixed(spec, "");
        byte[] one = lengthPrefixed(spec, "a");
        byte[] long200 = lengthPrefixed(spec, "x".repeat(200));
        Framer framer = framer(spec);

        feed(framer, concat(empty, one, long200), sink);

        assertEquals(3, sink.frames().size());
        assertArrayEquals(empty, sink.frames().get(0));
        assertArrayEquals(one, sink.frames().get(1));
        assertArrayEquals(long200, sink.frames().get(2));
        assertEquals(List.of(), sink.oversized());
        assertEquals(0, framer.held());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aHeaderSplitOverReadsAtAnyPointsIsStillRead(Framing.LengthPrefix spec) {
        byte[] hi = lengthPrefixed(spec, "hi");
        byte[] there = lengthPrefixed(spec, "there");
        byte[] stream = concat(hi, there);
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                Recorder sink = new Recorder();
                Framer framer = framer(spec);
                feedSplitAt(framer, stream, sink, first, second);
                String where = "reads cut at " + first + " and " + second;
                assertEquals(2, sink.frames().size(), where);
                assertArrayEquals(hi, sink.frames().get(0), where);
                assertArrayEquals(there, sink.frames().get(1), where);
                assertNull(framer.flush(), where);
            }
        }
    }

    @Test
    void aBigEndianFieldNotCountingTheHeaderGivesThePayloadLength() {
        Framer framer = framer(spec(2, BIG_ENDIAN, 0, false));
        feed(framer, of(0x00, 0x03, 'a', 'b', 'c', 0x00, 0x01, 'd'), sink);
        assertEquals(List.of("\0\3abc", "\0\1d"), sink.texts());
    }

    @Test
    void aLittleEndianFieldIsReadLowByteFirst() {
        byte[] bytes = of(0x03, 0x00, 'a', 'b', 'c');

        Framer little = framer(spec(2, LITTLE_ENDIAN, 0, false));
        feed(little, bytes, sink);
        assertEquals(List.of("\3\0abc"), sink.texts());

        // Read big endian, the same field says 0x0300 = 768: the framer waits for more.
        Recorder bigSink = new Recorder();
        Framer big = framer(spec(2, BIG_ENDIAN, 0, false));
        feed(big, bytes, bigSink);
        assertEquals(List.of(), bigSink.texts());
        assertEquals(5, big.held());
    }

    @Test
    void aLengthThatCountsTheHeaderIncludesIt() {
        Framer framer = framer(spec(1, BIG_ENDIAN, 0, true));
        feed(framer, of(0x04, 'a', 'b', 'c', 0x02, 'd'), sink);
        assertEquals(List.of("\4abc", "\2d"), sink.texts());
    }

    @Test
    void theLengthFieldMayFollowOtherHeaderBytes() {
        Framer framer = framer(spec(2, BIG_ENDIAN, 2, false));
        feed(framer, of(0xAA, 0x55, 0x00, 0x02, 'h', 'i', 0xAA), sink);
        assertEquals(1, sink.frames().size());
        assertArrayEquals(of(0xAA, 0x55, 0x00, 0x02, 'h', 'i'), sink.frames().get(0));
        assertEquals(1, framer.held());
    }

    @Test
    void aZeroLengthPayloadIsAFrameOfJustTheHeader() {
        Framer framer = framer(spec(2, BIG_ENDIAN, 0, true));
        feed(framer, of(0x00, 0x02, 0x00, 0x02), sink);
        assertEquals(List.of("\0\2", "\0\2"), sink.texts());
    }

    @Test
    void aFrameOfExactlyMaxFrameIsAcceptedAndOneMoreIsOversized() {
        Framing.LengthPrefix spec = new Framing.LengthPrefix(1, BIG_ENDIAN, 0, true, 4);
        Framer framer = framer(spec);
        feed(framer, of(0x04, 'a', 'b', 'c'), sink);
        assertEquals(List.of("\4abc"), sink.texts());

        feed(framer, of(0x05, 'a', 'b', 'c', 'd'), sink);
        assertEquals(1, sink.oversized().size());
        assertEquals(5, sink.oversized().get(0).announced());
    }

    @Test
    void anOversizedFrameHandsOverTheHeldBytesAndTheRestOfTheReadThenFramingRestarts() {
        Framer framer = framer(new Framing.LengthPrefix(2, BIG_ENDIAN, 0, false, 16));

        feed(framer, of(0x00, 0x02, 'o', 'k', 0x01), sink);
        assertEquals(List.of("\0\2ok"), sink.texts());
        assertEquals(1, framer.held());

        // The field 0x0100 = 256 bytes of payload: a 258-byte frame, over the 16 allowed.
        feed(framer, of(0x00, 'j', 'u', 'n', 'k'), sink);
        assertEquals(1, sink.oversized().size());
        assertEquals(258, sink.oversized().get(0).announced());
        assertArrayEquals(of(0x01, 0x00, 'j', 'u', 'n', 'k'), sink.oversized().get(0).held());
        assertEquals(0, framer.held());
        assertEquals(0, budget.used());

        feed(framer, of(0x00, 0x01, '!'), sink);
        assertEquals(List.of("\0\2ok", "\0\1!"), sink.texts());
    }

    @Test
    void aWellFormedFrameLaterInTheSameReadGoesWithTheOversizedBytes() {
        // The framer cannot know where the stream resumes: the whole rest of the read is handed over.
        Framer framer = framer(new Framing.LengthPrefix(1, BIG_ENDIAN, 0, false, 8));
        byte[] good = of(0x01, 'g');
        byte[] read = concat(good, of(0x7F, 'b', 'a', 'd'), good);

        feed(framer, read, sink);

        assertEquals(List.of("\1g"), sink.texts());
        assertEquals(1, sink.oversized().size());
        assertEquals(1 + 0x7F, sink.oversized().get(0).announced());
        assertArrayEquals(of(0x7F, 'b', 'a', 'd', 0x01, 'g'), sink.oversized().get(0).held());
        assertEquals(0, framer.held());
    }

    @Test
    void aLengthShorterThanTheHeaderIsReportedLikeAnOversizedOne() {
        Framer framer = framer(spec(2, BIG_ENDIAN, 0, true));

        feed(framer, of(0x00, 0x01, 'x'), sink);
        assertEquals(1, sink.oversized().size());
        assertEquals(1, sink.oversized().get(0).announced());
        assertArrayEquals(of(0x00, 0x01, 'x'), sink.oversized().get(0).held());

        feed(framer, of(0x00, 0x00), sink);
        assertEquals(2, sink.oversized().size());
        assertEquals(0, sink.oversized().get(1).announced());

        feed(framer, of(0x00, 0x03, 'y'), sink);
        assertEquals(List.of("\0\3y"), sink.texts());
    }

    @Test
    void aFourByteLengthIsUnsigned() {
        Framer framer = framer(spec(4, BIG_ENDIAN, 0, true));
        feed(framer, of(0xFF, 0xFF, 0xFF, 0xFF, 'x'), sink);
        assertEquals(1, sink.oversized().size());
        assertEquals(0xFFFF_FFFFL, sink.oversized().get(0).announced());
    }

    @Test
    void flushGivesTheUnfinishedFrameOnceThenNull() {
        Framer framer = framer(spec(2, BIG_ENDIAN, 0, false));
        feed(framer, of(0x00, 0x05, 'a', 'b'), sink);
        assertEquals(4, framer.held());
        assertArrayEquals(of(0x00, 0x05, 'a', 'b'), framer.flush());
        assertNull(framer.flush());
        assertEquals(0, budget.used());
    }

    @Test
    void flushGivesAHalfHeader() {
        Framer framer = framer(spec(4, LITTLE_ENDIAN, 0, false));
        feed(framer, bytes("\1"), sink);
        assertArrayEquals(of(0x01), framer.flush());
    }
}
