package io.socketdeck.core.framing;

import static io.socketdeck.core.framing.Reads.bytes;
import static io.socketdeck.core.framing.Reads.feed;
import static io.socketdeck.core.framing.Reads.text;
import static java.nio.ByteOrder.BIG_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoldBudgetTest {

    private final HoldBudget budget = new HoldBudget(10);
    private final Recorder sinkA = new Recorder();
    private final Recorder sinkB = new Recorder();

    @Test
    void reservesUpToTheLimitAndNoFurther() {
        assertTrue(budget.reserve(6));
        assertFalse(budget.reserve(5));
        assertEquals(6, budget.used());
        assertTrue(budget.reserve(4));
        assertEquals(10, budget.used());
        budget.release(10);
        assertEquals(0, budget.used());
    }

    @Test
    void aDelimiterFramerRefusedRoomHandsItsBytesOverCut() {
        Framing framing = new Framing.Delimiter(bytes("\n"), true);
        Framer a = framing.newFramer(budget);
        Framer b = framing.newFramer(budget);

        feed(a, "abcdefgh", sinkA);
        assertEquals(8, budget.used());

        // B's three bytes do not fit beside A's eight: they become a row at once, nothing held.
        feed(b, "xyz", sinkB);
        assertEquals(List.of("xyz"), sinkB.texts());
        assertEquals(0, b.held());
        assertEquals(8, budget.used());

        feed(a, "ij", sinkA);
        assertEquals(10, budget.used());
        // A itself now needs room: it hands over what it held, which frees room for the new byte.
        feed(a, "k", sinkA);
        assertEquals(List.of("abcdefghij"), sinkA.texts());
        assertEquals(1, a.held());

        feed(b, "\n", sinkB);
        assertEquals(List.of("xyz", "\n"), sinkB.texts());

        assertEquals("abcdefghijk", text(sinkA.handedOverThen(a.flush())));
        assertEquals("xyz\n", text(sinkB.handedOverThen(b.flush())));
        assertEquals(0, budget.used());
    }

    @Test
    void aFixedLengthFramerRefusedRoomHandsItsBytesOverCut() {
        Framing framing = new Framing.FixedLength(8);
        Framer a = framing.newFramer(budget);
        Framer b = framing.newFramer(budget);

        feed(a, "AAAAAA", sinkA);
        feed(b, "BBBBBB", sinkB);
        assertEquals(List.of("BBBBBB"), sinkB.texts());
        assertEquals(6, budget.used());

        // Finishing a frame needs no room: it is cut from the held bytes and the read together.
        feed(a, "AA", sinkA);
        assertEquals(List.of("AAAAAAAA"), sinkA.texts());
        assertEquals(0, budget.used());

        assertNull(a.flush());
        assertNull(b.flush());
    }

    @Test
    void aLengthPrefixFramerRefusedRoomHandsItsBytesOverCut() {
        Framing framing = new Framing.LengthPrefix(1, BIG_ENDIAN, 0, false, 100);
        Framer a = framing.newFramer(budget);
        Framer b = framing.newFramer(budget);

        feed(a, "\u0020abcdefg", sinkA);
        assertEquals(8, budget.used());
        feed(b, "\u0005xyz", sinkB);

        assertEquals(List.of("\u0005xyz"), sinkB.texts());
        assertEquals(List.of(), sinkB.oversized());
        assertEquals(0, b.held());
        assertEquals("\u0020abcdefg", text(a.flush()));
        assertEquals(0, budget.used());
    }

    @Test
    void anIdleGapFramerRefusedRoomHandsItsBytesOverCut() {
        Framing framing = new Framing.IdleGap(20);
        Framer a = framing.newFramer(budget);
        Framer b = framing.newFramer(budget);

        feed(a, "12345678", sinkA);
        feed(b, "abc", sinkB);
        assertEquals(List.of("abc"), sinkB.texts());

        feed(a, "90x", sinkA);
        assertEquals(List.of("12345678"), sinkA.texts());
        assertEquals("90x", text(a.flush()));
        assertEquals(0, budget.used());
    }

    @Test
    void noByteIsLostAndTheBudgetHoldsWhateverTheKind() {
        long seed = 0xB0D6E7L;
        List<Framing> kinds = List.of(
                new Framing.Delimiter(bytes("\r\n"), true),
                new Framing.FixedLength(5),
                new Framing.LengthPrefix(1, BIG_ENDIAN, 1, false, 40),
                new Framing.IdleGap(5));
        for (int round = 0; round < 200; round++) {
            Random random = new Random(seed + round);
            int limit = 1 + random.nextInt(40);
            for (Framing kind : kinds) {
                interleaveAndCheck(kind, limit, random, "seed " + (seed + round) + ", limit " + limit + ", " + kind);
            }
        }
    }

    /** Two framers on one budget, fed alternately from two random streams: each stream must come out whole. */
    private static void interleaveAndCheck(Framing kind, int limit, Random random, String what) {
        HoldBudget tiny = new HoldBudget(limit);
        Framer[] framers = {kind.newFramer(tiny), kind.newFramer(tiny)};
        Recorder[] sinks = {new Recorder(), new Recorder()};
        ByteArrayOutputStream[] sent = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        for (int read = 0; read < 40; read++) {
            int which = random.nextInt(2);
            byte[] bytes = new byte[1 + random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                // Line ends and small values: delimiters and plausible length fields turn up often.
                bytes[i] = (byte) "\r\nab\u0003\u0010\u0000".charAt(random.nextInt(7));
            }
            feed(framers[which], bytes, sinks[which]);
            sent[which].writeBytes(bytes);
            assertEquals(framers[0].held() + framers[1].held(), tiny.used(), what);
            assertTrue(tiny.used() <= limit, what);
        }
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(sent[i].toByteArray(), sinks[i].handedOverThen(framers[i].flush()), what + ", framer " + i);
        }
        assertEquals(0, tiny.used(), what);
    }
}
