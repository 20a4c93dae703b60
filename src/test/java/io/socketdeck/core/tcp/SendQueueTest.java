package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.SendTarget.SendCompletion;
import io.socketdeck.core.session.Unsent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The send queue's twin test: sends copied together into batches come out exactly as sends that
 * were never copied (same bytes on the wire, each send told once, in order, with its own bytes),
 * whatever the transport takes at a time. And its bounds count what waiting really costs.
 */
class SendQueueTest {

    private static final SendQueueLimits ROOMY = new SendQueueLimits(1L << 30, 1 << 20);

    /** A sent message as its sender sees it: which one, and its bytes. */
    private record Told(int sequence, byte[] bytes) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void batchedSendsLeaveExactlyAsTheyCameAtRandomWriteSizes(long seed) {
        Random random = new Random(seed);
        SendQueue queue = new SendQueue(ROOMY, null);
        List<byte[]> sent = new ArrayList<>();
        List<Told> told = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SendQueue.Written out = (bytes, offset, length, copied, reportTx, done) -> {
            told.add(new Told(told.size(), Arrays.copyOfRange(bytes, offset, offset + length)));
            done.completed(true);
        };
        int messages = 5_000;
        long added = 0;
        for (int i = 0; i < messages; i++) {
            // Mostly small (batched), some at the edge, some large (queued as they are).
            int size = random.nextInt(10) == 0 ? 400 + random.nextInt(3_000) : 1 + random.nextInt(600);
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            sent.add(bytes);
            int sequence = i;
            queue.add(bytes, random.nextBoolean(), written -> outcomes.add(written && sequence == outcomes.size()));
            added += size;
            if (random.nextInt(4) == 0) {
                drain(queue, random, wire, out, random.nextInt(20_000));
                assertEquals(added - wire.size(), queue.unsentBytes(), "what waits, the head's rest included");
            }
        }
        drain(queue, random, wire, out, Integer.MAX_VALUE);

        assertTrue(queue.isEmpty());
        assertEquals(0, queue.unsentBytes());
        assertEquals(0, queue.cost(), "everything accounted back");
        assertEquals(0, queue.messages());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        sent.forEach(expected::writeBytes);
        assertArrayEquals(expected.toByteArray(), wire.toByteArray(), "the same bytes on the wire, in order");
        assertEquals(messages, told.size(), "each send told once");
        for (int i = 0; i < messages; i++) {
            assertArrayEquals(sent.get(i), told.get(i).bytes(), "send " + i + " told with its own bytes");
        }
        assertEquals(messages, outcomes.size());
        assertFalse(outcomes.contains(false), "completions in order, all written");
    }

    /**
     * Wherever the writes stopped, what a closing connection reports as unsent names exactly the
     * sends not told yet and their bytes not written, and how far the first of them went: a
     * single send, a batch's part or a region alike (regions in {@link FileRegionQueueTest}).
     */
    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7})
    void whatIsUnsentAtAnyPointIsTheSendsNotToldAndTheBytesNotWritten(long seed) {
        Random random = new Random(seed);
        SendQueue queue = new SendQueue(ROOMY, null);
        List<byte[]> sent = new ArrayList<>();
        List<Told> told = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SendQueue.Written out = (bytes, offset, length, copied, reportTx, done) ->
                told.add(new Told(told.size(), Arrays.copyOfRange(bytes, offset, offset + length)));
        assertEquals(Unsent.NONE, queue.unsent(), "nothing waits");
        for (int round = 0; round < 300; round++) {
            for (int i = random.nextInt(30); i > 0; i--) {
                byte[] bytes = new byte[random.nextInt(5) == 0 ? 600 + random.nextInt(9_000) : 1 + random.nextInt(500)];
                sent.add(bytes);
                queue.add(bytes, true, written -> { });
            }
            drain(queue, random, wire, out, random.nextInt(40_000));
            long toldBytes = told.stream().mapToLong(t -> t.bytes().length).sum();
            long went = wire.size() - toldBytes; // of the first send not told
            long waiting = sent.stream().skip(told.size()).mapToLong(b -> b.length).sum();
            Unsent expected = told.size() == sent.size() ? Unsent.NONE
                    : new Unsent(sent.size() - told.size(), waiting - went, went, went > 0 ? sent.get(told.size()).length : 0);
            assertEquals(expected, queue.unsent(), "after round " + round);
        }
    }

    /**
     * A transport that encodes (TLS) may take bytes into records and then fail writing them: the
     * queue still knows how many it took, so they are counted and the end says the rest.
     */
    @Test
    void bytesATransportTookBeforeItFailedAreKnown() {
        SendQueue queue = new SendQueue(ROOMY, null);
        queue.add(new byte[1_000], true, written -> { });
        Transport takesThenFails = new Transport() {
            @Override
            public SocketChannel channel() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(ByteBuffer dst) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                src.position(src.position() + 300);
                throw new IOException("Connection reset by peer");
            }

            @Override
            public void close(boolean abort) {
            }
        };
        assertThrows(IOException.class, () -> queue.writeHead(takesThenFails));
        assertEquals(300, queue.takenBeforeFailure());
        assertFalse(queue.advance(300, (bytes, offset, length, copied, reportTx, done) -> { }));
        assertEquals(new Unsent(1, 700, 300, 1_000), queue.unsent());
    }

    /** Hands up to {@code budget} bytes to a pretend transport that takes a random amount each time. */
    private static void drain(SendQueue queue, Random random, ByteArrayOutputStream wire, SendQueue.Written out,
                              int budget) {
        int left = budget;
        while (!queue.isEmpty() && left > 0) {
            ByteBuffer head = queue.head();
            int take = Math.min(left, Math.min(head.remaining(), 1 + random.nextInt(5_000)));
            wire.write(head.array(), head.position(), take);
            left -= take;
            if (!queue.advance(take, out) && take == head.remaining()) {
                throw new AssertionError("a head written whole must be done");
            }
        }
    }

    @Test
    void smallSendsCostTheirBytesAndALittleNotAHundredBytesEach() {
        SendQueue queue = new SendQueue(ROOMY, null);
        SendCompletion ignore = written -> { };
        queue.add(new byte[8], false, ignore); // the first is taken as it is
        long first = queue.cost();
        for (int i = 0; i < 10_000; i++) {
            queue.add(new byte[8], false, ignore);
        }
        double perSend = (queue.cost() - first) / 10_000.0;
        assertTrue(perSend <= 8 + SendQueue.PART_OVERHEAD + 2, "8-byte sends cost " + perSend + " bytes each");
        assertEquals(10_001, queue.messages());
    }

    @Test
    void theLimitsCountOverheadAndSends() {
        SendCompletion ignore = written -> { };
        SendQueue bytes = new SendQueue(new SendQueueLimits(100_000, 1 << 20), null);
        int taken = 0;
        while (bytes.fits(1_000)) {
            bytes.add(new byte[1_000], false, ignore);
            taken++;
        }
        assertEquals(100_000 / (1_000 + SendQueue.ENTRY_OVERHEAD), taken, "each waits with its overhead");
        assertTrue(bytes.cost() <= 100_000);

        SendQueue count = new SendQueue(new SendQueueLimits(1L << 30, 1_000), null);
        while (count.fits(1)) {
            count.add(new byte[1], false, ignore);
        }
        assertEquals(1_000, count.messages(), "no more sends than the count allows");
    }

    @Test
    void theFirstSendIsTakenWhateverItsSize() {
        SendQueue queue = new SendQueue(new SendQueueLimits(1_000, 10), null);
        assertTrue(queue.fits(5_000_000), "nothing waits: the transport usually takes it at once");
        queue.add(new byte[5_000_000], false, written -> { });
        assertFalse(queue.fits(1), "behind it, the limits apply");
    }

    @Test
    void aServersQueuesShareOneBudget() {
        SendQueue.Budget budget = new SendQueue.Budget(50_000);
        SendQueueLimits each = new SendQueueLimits(40_000, 1 << 20);
        SendQueue a = new SendQueue(each, budget);
        SendQueue b = new SendQueue(each, budget);
        SendCompletion ignore = written -> { };
        a.add(new byte[1], false, ignore);
        b.add(new byte[1], false, ignore);
        while (a.fits(1_000)) {
            a.add(new byte[1_000], false, ignore);
        }
        assertTrue(a.cost() > 35_000, "a has its own limit: " + a.cost());
        int bTook = 0;
        while (b.fits(1_000)) {
            b.add(new byte[1_000], false, ignore);
            bTook++;
        }
        assertTrue(budget.used() <= 50_000, "together within the budget: " + budget.used());
        assertTrue(bTook < 15, "b got only what was left: " + bTook);
        a.clear();
        assertTrue(b.fits(1_000), "what a held is free again");
    }

    @Test
    void clearTellsEveryWaitingSendInOrder() {
        SendQueue queue = new SendQueue(ROOMY, null);
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            queue.add(new byte[i % 2 == 0 ? 10 : 2_000], false, written -> dropped.add(written ? -1 : n));
        }
        queue.advance(3, (bytes, offset, length, copied, reportTx, done) -> done.completed(true));
        for (SendCompletion done : queue.clear()) {
            done.completed(false);
        }
        assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), dropped);
        assertEquals(0, queue.cost());
    }
}
