package io.socketdeck.core.framing;

import static io.socketdeck.core.framing.Reads.bytes;
import static io.socketdeck.core.framing.Reads.concat;
import static io.socketdeck.core.framing.Reads.feed;
import static io.socketdeck.core.framing.Reads.feedInReadsOf;
import static io.socketdeck.core.framing.Reads.feedSplitAt;
import static io.socketdeck.core.framing.Reads.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DelimiterFramerTest {

    private static final byte[] LF = bytes("\n");
    private static final byte[] CRLF = bytes("\r\n");
    /** Three bytes, none a line end: a frame may hold any of them alone. */
    private static final byte[] THREE = bytes("|#|");

    private final HoldBudget budget = HoldBudget.unshared();
    private final Recorder sink = new Recorder();

    private Framer framer(byte[] delimiter, boolean keep) {
        return new Framing.Delimiter(delimiter, keep).newFramer(budget);
    }

    @Test
    void newlineStrippedEndsEachFrameWithoutTheDelimiter() {
        Framer framer = framer(LF, false);
        feed(framer, "one\ntwo\n", sink);
        assertEquals(List.of("one", "two"), sink.texts());
        assertEquals(0, framer.held());
    }

    @Test
    void newlineKeptStaysAtTheEndOfEachFrame() {
        Framer framer = framer(LF, true);
        feed(framer, "one\ntwo\n", sink);
        assertEquals(List.of("one\n", "two\n"), sink.texts());
    }

    @Test
    void crlfStrippedDropsBothBytes() {
        Framer framer = framer(CRLF, false);
        feed(framer, "GET / HTTP/1.0\r\nHost: x\r\n", sink);
        assertEquals(List.of("GET / HTTP/1.0", "Host: x"), sink.texts());
    }

    @Test
    void crlfKeptStaysAtTheEndOfEachFrame() {
        Framer framer = framer(CRLF, true);
        feed(framer, "a\r\nb\r\n", sink);
        assertEquals(List.of("a\r\n", "b\r\n"), sink.texts());
    }

    @Test
    void aLoneCrOrLfIsDataWhenTheDelimiterIsCrlf() {
        Framer framer = framer(CRLF, false);
        feed(framer, "a\rb\nc\r\n", sink);
        assertEquals(List.of("a\rb\nc"), sink.texts());
    }

    @Test
    void aThreeByteDelimiterIsStrippedOrKept() {
        Framer stripping = framer(THREE, false);
        feed(stripping, "x|y#z|#|w|#|", sink);
        assertEquals(List.of("x|y#z", "w"), sink.texts());

        Recorder keptSink = new Recorder();
        Framer keeping = framer(THREE, true);
        feed(keeping, "x|y#z|#|w|#|", keptSink);
        assertEquals(List.of("x|y#z|#|", "w|#|"), keptSink.texts());
    }

    @Test
    void severalFramesInOneReadAndOnlyTheTailIsHeld() {
        Framer framer = framer(LF, false);
        feed(framer, "a\nbb\nccc\ndd", sink);
        assertEquals(List.of("a", "bb", "ccc"), sink.texts());
        assertEquals(2, framer.held());
        assertEquals("dd", text(framer.flush()));
    }

    @Test
    void crInOneReadAndLfInTheNextEndTheFrame() {
        Framer framer = framer(CRLF, false);
        feed(framer, "hello\r", sink);
        assertEquals(List.of(), sink.texts());
        assertEquals(6, framer.held());

        feed(framer, "\nworld", sink);
        assertEquals(List.of("hello"), sink.texts());
        assertEquals("world", text(framer.flush()));
    }

    @Test
    void aThreeByteDelimiterSpreadOverThreeReadsIsFound() {
        Framer framer = framer(THREE, false);
        feed(framer, "ab|", sink);
        feed(framer, "#", sink);
        feed(framer, "|cd", sink);
        assertEquals(List.of("ab"), sink.texts());
        assertEquals("cd", text(framer.flush()));
    }

    @Test
    void aCrThatTurnsOutNotToStartTheDelimiterStaysInTheFrame() {
        Framer framer = framer(CRLF, false);
        feed(framer, "a\r", sink);
        feed(framer, "\r\nb", sink);
        assertEquals(List.of("a\r"), sink.texts());
        assertEquals("b", text(framer.flush()));
    }

    @Test
    void aSelfOverlappingDelimiterEndsAtItsFirstWholeOccurrenceAcrossReads() {
        // "xaa" + "ab": the held "aa" is not the delimiter "aab", the run "aab" starting one later is.
        Framer framer = framer(bytes("aab"), false);
        feed(framer, "xaa", sink);
        feed(framer, "ab", sink);
        assertEquals(List.of("xa"), sink.texts());
        assertNull(framer.flush());
    }

    static Stream<Arguments> delimiters() {
        return Stream.of(LF, CRLF, THREE, bytes("aab"))
                .flatMap(delimiter -> Stream.of(true, false)
                        .map(keep -> Arguments.of(text(delimiter).replace("\r", "CR").replace("\n", "LF"), delimiter, keep)));
    }

    @ParameterizedTest(name = "{0}, keep={2}")
    @MethodSource("delimiters")
    void aDelimiterSplitOverReadsAtAnyPointsIsStillFound(String name, byte[] delimiter, boolean keep) {
        byte[] stream = concat(bytes("one"), delimiter, bytes("two"), delimiter, bytes("three"));
        List<String> expected = keep
                ? List.of("one" + text(delimiter), "two" + text(delimiter))
                : List.of("one", "two");
        // Every pair of cuts: two cuts at once split a delimiter three ways, equal cuts add an empty read.
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                Recorder sink = new Recorder();
                Framer framer = framer(delimiter, keep);
                feedSplitAt(framer, stream, sink, first, second);
                String where = "reads cut at " + first + " and " + second;
                assertEquals(expected, sink.texts(), where);
                assertEquals("three", text(framer.flush()), where);
            }
        }
    }

    @Test
    void consecutiveDelimitersGiveEmptyFramesAsZeroLengthArrays() {
        Framer framer = framer(LF, false);
        feed(framer, "a\n\n\nb\n", sink);
        assertEquals(List.of("a", "", "", "b"), sink.texts());
        assertArrayEquals(new byte[0], sink.frames().get(1));
        assertArrayEquals(new byte[0], sink.frames().get(2));
    }

    @Test
    void aKeptDelimiterAloneIsAFrameOfJustTheDelimiter() {
        Framer framer = framer(CRLF, true);
        feed(framer, "\r\n\r\nx\r\n", sink);
        assertEquals(List.of("\r\n", "\r\n", "x\r\n"), sink.texts());
    }

    @Test
    void emptyFramesAreTheSameWhetherTheBytesComeInOneReadOrOneByOne() {
        byte[] stream = bytes("\r\n\r\nx\r\n\r\n");
        for (boolean keep : new boolean[] {false, true}) {
            Recorder whole = new Recorder();
            feed(framer(CRLF, keep), stream, whole);
            Recorder byteByByte = new Recorder();
            feedInReadsOf(framer(CRLF, keep), stream, 1, byteByByte);

            assertEquals(keep ? List.of("\r\n", "\r\n", "x\r\n", "\r\n") : List.of("", "", "x", ""), whole.texts());
            assertEquals(whole.texts(), byteByByte.texts(), "keep=" + keep);
            byteByByte.frames().forEach(frame -> assertNotNull(frame));
        }
    }

    @Test
    void anEmptyReadChangesNothing() {
        Framer framer = framer(LF, false);
        feed(framer, "ab", sink);
        feed(framer, "", sink);
        assertEquals(List.of(), sink.texts());
        assertEquals(2, framer.held());
    }

    @Test
    void flushGivesThePartialFrameOnceThenNull() {
        Framer framer = framer(LF, false);
        feed(framer, "x\nabc", sink);
        assertEquals("abc", text(framer.flush()));
        assertEquals(0, framer.held());
        assertEquals(0, budget.used());
        assertNull(framer.flush());
    }

    @Test
    void flushIsNullWhenNothingIsHeld() {
        Framer framer = framer(LF, false);
        assertNull(framer.flush());
        feed(framer, "a\n", sink);
        assertNull(framer.flush());
    }

    @Test
    void anUnfinishedDelimiterIsFlushedAsData() {
        Framer framer = framer(CRLF, false);
        feed(framer, "ab\r", sink);
        assertEquals("ab\r", text(framer.flush()));
    }

    @Test
    void aRunLongerThanMaxUnframedIsCutAndNoByteIsLost() {
        byte[] run = new byte[Framing.MAX_UNFRAMED + 5_000];
        Arrays.fill(run, (byte) 'x');
        byte[] stream = concat(run, bytes("\nend"));
        Framer framer = framer(LF, true);

        for (int at = 0; at < stream.length; at += 4096) {
            feed(framer, stream, at, Math.min(stream.length, at + 4096), sink);
            assertTrue(framer.held() <= Framing.MAX_UNFRAMED, "held " + framer.held());
        }

        // Reads of 4 KiB fill the cap exactly, so the cut lands on it.
        assertEquals(2, sink.frames().size());
        assertEquals(Framing.MAX_UNFRAMED, sink.frames().get(0).length);
        assertEquals(5_001, sink.frames().get(1).length);
        assertArrayEquals(stream, sink.handedOverThen(framer.flush()));
        assertEquals(0, budget.used());
    }

    @Test
    void aSingleReadLongerThanMaxUnframedIsHandedOverWhole() {
        byte[] read = new byte[Framing.MAX_UNFRAMED + 1];
        Arrays.fill(read, (byte) 'x');
        Framer framer = framer(LF, false);

        feed(framer, read, sink);

        assertEquals(1, sink.frames().size());
        assertArrayEquals(read, sink.frames().get(0));
        assertEquals(0, framer.held());
        assertNull(framer.flush());
    }
}
