package io.socketdeck.core.framing;

import static io.socketdeck.core.framing.Reads.bytes;
import static io.socketdeck.core.framing.Reads.concat;
import static io.socketdeck.core.framing.Reads.indexOf;
import static io.socketdeck.core.framing.Reads.lengthPrefixed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random messages, encoded for a framing, sent as random reads: the framer must give back exactly
 * the messages, in order, however the stream was cut. Each round's seed is in the failure message;
 * {@code -Dframing.fuzz.seed=N} replays a run, {@code -Dframing.fuzz.rounds=N} searches longer.
 */
class FramingSplitFuzzTest {

    private static final long SEED = Long.getLong("framing.fuzz.seed", 20_240_611L);
    private static final int ROUNDS = Integer.getInteger("framing.fuzz.rounds", 300);

    /** Line ends, a 3-byte one, self-overlapping ones ("ABA", "\r\n\r\n") and a single non-text byte. */
    private static final List<byte[]> DELIMITERS = List.of(
            bytes("\n"), bytes("\r\n"), bytes("|#|"), bytes("ABA"), bytes("\r\n\r\n"), new byte[] {0x7E});

    /** One round's stream and what a framer must make of it. */
    private record Case(Framing framing, byte[] stream, List<byte[]> frames, byte[] tail) {
    }

    @Test
    void delimitedMessagesComeBackAsSent() {
        forEachRound(random -> {
            byte[] delimiter = DELIMITERS.get(random.nextInt(DELIMITERS.size()));
            boolean keep = random.nextBoolean();
            // The delimiter's own bytes in the alphabet make near misses and split delimiters common.
            byte[] alphabet = concat(delimiter, bytes("ab\r\n"));
            List<byte[]> frames = new ArrayList<>();
            List<byte[]> parts = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                byte[] message;
                do {
                    message = randomBytes(random, alphabet, random.nextInt(20));
                } while (indexOf(concat(message, delimiter), delimiter) != message.length);
                parts.add(concat(message, delimiter));
                frames.add(keep ? concat(message, delimiter) : message);
            }
            byte[] tail;
            do {
                tail = randomBytes(random, alphabet, random.nextInt(10));
            } while (indexOf(tail, delimiter) >= 0);
            parts.add(tail);
            return new Case(new Framing.Delimiter(delimiter, keep), concat(parts.toArray(byte[][]::new)), frames, tail);
        });
    }

    @Test
    void fixedLengthFramesComeBackAsSent() {
        forEachRound(random -> {
            int length = 1 + random.nextInt(16);
            List<byte[]> frames = new ArrayList<>();
            for (int i = random.nextInt(20); i > 0; i--) {
                frames.add(randomBytes(random, length));
            }
            byte[] tail = randomBytes(random, random.nextInt(length));
            List<byte[]> parts = new ArrayList<>(frames);
            parts.add(tail);
            return new Case(new Framing.FixedLength(length), concat(parts.toArray(byte[][]::new)), frames, tail);
        });
    }

    @Test
    void lengthPrefixedFramesComeBackAsSent() {
        forEachRound(random -> {
            int width = new int[] {1, 2, 4}[random.nextInt(3)];
            ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            int offset = new int[] {0, 1, 2, 5}[random.nextInt(4)];
            int maxPayload = 100;
            // The largest frame sent is exactly the maximum now and then.
            Framing.LengthPrefix spec = new Framing.LengthPrefix(
                    width, order, offset, random.nextBoolean(), offset + width + maxPayload);
            List<byte[]> frames = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                int size = random.nextInt(8) == 0 ? maxPayload : random.nextInt(maxPayload + 1);
                frames.add(lengthPrefixed(spec, randomBytes(random, size)));
            }
            byte[] next = lengthPrefixed(spec, randomBytes(random, random.nextInt(30)));
            byte[] tail = Arrays.copyOf(next, random.nextInt(next.length));
            List<byte[]> parts = new ArrayList<>(frames);
            parts.add(tail);
            return new Case(spec, concat(parts.toArray(byte[][]::new)), frames, tail);
        });
    }

    @Test
    void idleGapHoldsTheWholeStreamForTheFlush() {
        forEachRound(random -> {
            byte[] stream = randomBytes(random, random.nextInt(500));
            return new Case(new Framing.IdleGap(1 + random.nextInt(100)), stream, List.of(), stream);
        });
    }

    @Test
    void asReadGivesEachReadAndTheirConcatenationIsTheInput() {
        for (int round = 0; round < ROUNDS; round++) {
            long seed = SEED + round;
            Random random = new Random(seed);
            byte[] stream = randomBytes(random, random.nextInt(500));
            Framer framer = Framing.AsRead.INSTANCE.newFramer(HoldBudget.unshared());
            Recorder sink = new Recorder();

            List<byte[]> reads = feedRandomly(framer, stream, random, sink);

            String where = "seed " + seed;
            assertEquals(reads.size(), sink.frames().size(), where);
            for (int i = 0; i < reads.size(); i++) {
                assertArrayEquals(reads.get(i), sink.frames().get(i), where + ", read " + i);
            }
            assertArrayEquals(stream, sink.handedOverThen(framer.flush()), where);
        }
    }

    private interface CaseMaker {
        Case make(Random random);
    }

    private static void forEachRound(CaseMaker maker) {
        for (int round = 0; round < ROUNDS; round++) {
            long seed = SEED + round;
            Random random = new Random(seed);
            Case c = maker.make(random);
            HoldBudget budget = HoldBudget.unshared();
            Framer framer = c.framing().newFramer(budget);
            Recorder sink = new Recorder();

            feedRandomly(framer, c.stream(), random, sink);

            String where = "seed " + seed + ", " + c.framing();
            assertEquals(c.frames().size(), sink.frames().size(), where);
            for (int i = 0; i < c.frames().size(); i++) {
                assertArrayEquals(c.frames().get(i), sink.frames().get(i), where + ", frame " + i);
            }
            assertEquals(List.of(), sink.oversized(), where);
            byte[] flushed = framer.flush();
            if (c.tail().length == 0) {
                assertNull(flushed, where);
            } else {
                assertArrayEquals(c.tail(), flushed, where);
            }
            assertEquals(0, budget.used(), where);
        }
    }

    /** Feeds the stream as reads of random sizes, many of them one byte; returns the reads. */
    private static List<byte[]> feedRandomly(Framer framer, byte[] stream, Random random, Framer.Sink sink) {
        List<byte[]> reads = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int size = switch (random.nextInt(4)) {
                case 0 -> 1;
                case 1 -> 1 + random.nextInt(8);
                case 2 -> 1 + random.nextInt(64);
                default -> 1 + random.nextInt(stream.length);
            };
            int end = Math.min(stream.length, at + size);
            Reads.feed(framer, stream, at, end, sink);
            reads.add(Arrays.copyOfRange(stream, at, end));
            at = end;
        }
        return reads;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] randomBytes(Random random, byte[] alphabet, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return bytes;
    }
}
