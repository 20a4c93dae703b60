package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.SendTarget.SendCompletion;
import io.socketdeck.core.session.Unsent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File regions in the send queue: they leave in order with the sends around them, each told once
 * with the file's bytes, cost an entry rather than their bytes, go to the kernel as one transfer
 * when they continue each other, and a region whose file became shorter is dropped, not spun on.
 */
class FileRegionQueueTest {

    private static final SendQueueLimits ROOMY = new SendQueueLimits(1L << 30, 1 << 20);

    @TempDir
    Path dir;

    /**
     * A transport that takes up to a random number of bytes per call, copying them to {@link #wire};
     * it writes no socket, so the queue's bookkeeping is tested alone (the connection tests use real ones).
     */
    private static class TakingTransport implements Transport {
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        final Random random;
        final int most;
        int transfers;

        TakingTransport(Random random, int most) {
            this.random = random;
            this.most = most;
        }

        private int take(long offered) {
            return (int) Math.min(offered, 1 + random.nextInt(most));
        }

        @Override
        public SocketChannel channel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src) {
            int n = take(src.remaining());
            wire.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.position() + n);
            return n;
        }

        @Override
        public boolean transfersFiles() {
            return true;
        }

        @Override
        public long transferFrom(FileChannel file, long position, long count) throws IOException {
            transfers++;
            ByteBuffer bytes = ByteBuffer.allocate(take(count));
            int n = Math.max(0, file.read(bytes, position));
            wire.write(bytes.array(), 0, n);
            return n;
        }

        @Override
        public void close(boolean abort) {
        }
    }

    /** Writes the queue out through {@code transport}; a region that cannot go on is dropped and told false. */
    private static void drain(SendQueue queue, TakingTransport transport, SendQueue.Written out) throws IOException {
        while (!queue.isEmpty()) {
            long count = queue.writeHead(transport);
            if (count < 0) {
                queue.dropHead().completed(false);
            } else {
                queue.advance(count, out);
            }
        }
    }

    private Path randomFile(int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve("file-" + seed + ".bin"), bytes);
    }

    @Test
    void regionsAndArraysLeaveInOrderEachToldOnceWithItsBytes() throws IOException {
        Random random = new Random(7);
        Path path = randomFile(1 << 20, 7);
        byte[] content = Files.readAllBytes(path);
        SendQueue queue = new SendQueue(ROOMY, null);
        List<byte[]> expected = new ArrayList<>();
        List<byte[]> told = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        SendQueue.Written out = (bytes, offset, length, copied, reportTx, done) -> {
            told.add(Arrays.copyOfRange(bytes, offset, offset + length));
            done.completed(true);
        };
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            int position = 0;
            for (int i = 0; i < 200; i++) {
                int sequence = i;
                SendCompletion done = written -> outcomes.add(written && sequence == outcomes.size());
                if (random.nextInt(3) == 0) {
                    byte[] bytes = new byte[1 + random.nextInt(700)];
                    random.nextBytes(bytes);
                    queue.add(bytes, true, done);
                    expected.add(bytes);
                } else {
                    int length = 1 + random.nextInt(9_000);
                    queue.addRegion(file, position, length, done);
                    expected.add(Arrays.copyOfRange(content, position, position + length));
                    position += length;
                }
            }
            drain(queue, new TakingTransport(random, 20_000), out);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        expected.forEach(all::writeBytes);
        assertEquals(expected.size(), told.size(), "each send told once");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), told.get(i), "send " + i + " told with its own bytes");
        }
        assertEquals(expected.size(), outcomes.size());
        assertFalse(outcomes.contains(false), "told in order, all written");
        assertEquals(0, queue.cost(), "everything accounted back");
        assertEquals(0, queue.messages());
    }

    @Test
    void consecutiveRegionsOfAFileGoToTheKernelAsOneTransfer() throws IOException {
        Path path = randomFile(16 * 65_536, 3);
        SendQueue queue = new SendQueue(ROOMY, null);
        TakingTransport kernel = new TakingTransport(new Random(3), Integer.MAX_VALUE - 1) {
            @Override
            public long transferFrom(FileChannel source, long position, long offered) {
                assertEquals(0, position);
                assertEquals(16 * 65_536L, offered, "all sixteen offered at once");
                return offered;
            }
        };
        List<Integer> lengths = new ArrayList<>();
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            for (int i = 0; i < 16; i++) {
                queue.addRegion(file, i * 65_536L, 65_536, SendCompletion.IGNORE);
            }
            long count = queue.writeHead(kernel);
            assertTrue(queue.advance(count, (bytes, offset, length, copied, reportTx, done) -> lengths.add(length)));
        }
        assertEquals(16, lengths.size(), "each region still a send of its own");
        assertTrue(lengths.stream().allMatch(length -> length == 65_536));
        assertTrue(queue.isEmpty());
    }

    @Test
    void aWaitingRegionCostsAnEntryNotItsBytes() throws IOException {
        Path path = randomFile(1 << 20, 5);
        SendQueue queue = new SendQueue(new SendQueueLimits(10_000, 1 << 20), null);
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            queue.add(new byte[1_000], false, SendCompletion.IGNORE);
            long before = queue.cost();
            assertTrue(queue.fitsRegion());
            queue.addRegion(file, 0, 1 << 20, SendCompletion.IGNORE);
            assertEquals(SendQueue.ENTRY_OVERHEAD, queue.cost() - before, "a megabyte of file waits as a reference");
            assertFalse(queue.fits(1 << 20), "the same megabyte as an array would not fit");
        }
    }

    @Test
    void aRegionBeyondTheFilesEndIsDroppedAndToldFalseAndTheNextSendGoesOut() throws IOException {
        Path path = randomFile(10_000, 9);
        SendQueue queue = new SendQueue(ROOMY, null);
        List<Boolean> outcomes = new ArrayList<>();
        TakingTransport transport = new TakingTransport(new Random(9), 4_000);
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            queue.addRegion(file, 0, 10_000, outcomes::add);
            queue.add(new byte[] {1, 2, 3}, true, outcomes::add);
            file.truncate(2_500); // the file shrank after the region was queued
            drain(queue, transport, (bytes, offset, length, copied, reportTx, done) -> done.completed(true));
        }
        assertEquals(List.of(false, true), outcomes, "the region dropped, the send behind it written");
        byte[] wire = transport.wire.toByteArray();
        assertEquals(2_503, wire.length, "what the file still had, then the send");
        assertEquals(0, queue.cost());
        assertEquals(0, queue.messages());
    }

    @Test
    void aRegionCutOffInTheMiddleIsUnsentWithHowFarItWent() throws IOException {
        Path path = randomFile(15_000, 13);
        SendQueue queue = new SendQueue(ROOMY, null);
        TakingTransport kernel = new TakingTransport(new Random(13), Integer.MAX_VALUE - 1) {
            @Override
            public long transferFrom(FileChannel source, long position, long offered) {
                return 4_000; // then the peer resets
            }
        };
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            queue.addRegion(file, 0, 10_000, SendCompletion.IGNORE);
            queue.addRegion(file, 10_000, 5_000, SendCompletion.IGNORE);
            queue.add(new byte[] {1, 2, 3}, true, SendCompletion.IGNORE);
            assertFalse(queue.advance(queue.writeHead(kernel), (bytes, offset, length, copied, reportTx, done) -> { }));
        }
        assertEquals(new Unsent(3, 15_003 - 4_000, 4_000, 10_000), queue.unsent());
    }

    @Test
    void clearingTellsWaitingRegionsTheyWereNotSent() throws IOException {
        Path path = randomFile(1_000, 11);
        SendQueue queue = new SendQueue(ROOMY, null);
        SendCompletion first = written -> { };
        SendCompletion second = written -> { };
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            queue.addRegion(file, 0, 500, first);
            queue.addRegion(file, 500, 500, second);
        }
        SendCompletion[] dropped = queue.clear();
        assertEquals(2, dropped.length);
        assertSame(first, dropped[0]);
        assertSame(second, dropped[1]);
        assertEquals(0, queue.cost());
    }
}
