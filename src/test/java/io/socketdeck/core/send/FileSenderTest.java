package io.socketdeck.core.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.send.FileSender.Outcome;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.core.text.Language;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.SinkServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final TrafficCounters counters = new TrafficCounters();
    private final RecordingEnd end = new RecordingEnd();
    /** When set before {@link #connect}, the TX rows' bytes are digested here, as a log would show them. */
    private MessageDigest txDigest;
    private final AtomicLong txShown = new AtomicLong();
    private final AtomicLong txUnread = new AtomicLong();
    private TcpClientSession session;
    private Thread worker;

    /**
     * Records the end and the progress reports. It is called on the loop thread, where what it
     * threw would never reach the test: it only records, and the test checks on its own thread
     * ({@link #assertFinishedOnce()}).
     */
    static class RecordingEnd implements FileSender.Listener {
        final AtomicReference<Outcome> outcome = new AtomicReference<>();
        final AtomicReference<FileSendProgress> last = new AtomicReference<>();
        final AtomicReference<Throwable> cause = new AtomicReference<>();
        final List<FileSendProgress> reports = new CopyOnWriteArrayList<>();
        final List<Outcome> ends = new CopyOnWriteArrayList<>();

        @Override
        public void progress(FileSendProgress progress) {
            reports.add(progress);
        }

        @Override
        public void finished(Outcome result, FileSendProgress progress, Throwable cause) {
            ends.add(result);
            if (outcome.compareAndSet(null, result)) { // what a second end would say is not kept
                last.set(progress);
                this.cause.set(cause);
            }
        }

        Outcome await() {
            return Await.value(outcome::get, o -> o != null, TIMEOUT, "the file send to finish");
        }

        /**
         * The end was reported exactly once. Checked once nothing more can come: after the loop
         * that calls the listener has ended.
         */
        void assertFinishedOnce() {
            assertEquals(1, ends.size(), () -> "finished once: " + ends);
        }
    }

    /**
     * Passes sends through and remembers the most chunks ever in flight; passes file regions
     * through too unless made to offer arrays only (as a TLS connection does).
     */
    static final class WindowProbe implements SendTarget {
        final SendTarget inner;
        final boolean regions;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicLong issuedBytes = new AtomicLong();
        final AtomicInteger regionsIssued = new AtomicInteger();

        WindowProbe(SendTarget inner) {
            this(inner, true);
        }

        WindowProbe(SendTarget inner, boolean regions) {
            this.inner = inner;
            this.regions = regions;
        }

        /** The most chunks the sender may have in flight through this probe. */
        int window() {
            return regions ? FileSender.REGION_WINDOW : FileSendOptions.STREAM_WINDOW;
        }

        @Override
        public boolean sendsFileRegions() {
            return regions && inner.sendsFileRegions();
        }

        @Override
        public void sendFileRegion(FileChannel file, long position, int length, SendCompletion done) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            issuedBytes.addAndGet(length);
            regionsIssued.incrementAndGet();
            inner.sendFileRegion(file, position, length, written -> {
                inFlight.decrementAndGet();
                done.completed(written);
            });
        }

        @Override
        public SelectorLoop loop() {
            return inner.loop();
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public SelectorLoop.Timer whenClosed(Runnable action) {
            return inner.whenClosed(action);
        }

        @Override
        public void send(byte[] bytes, SendCompletion done) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            issuedBytes.addAndGet(bytes.length);
            inner.send(bytes, written -> {
                inFlight.decrementAndGet();
                done.completed(written);
            });
        }
    }

    private Path randomFile(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    /** A file of zeros that takes no time to make (sparse where the file system allows). */
    private Path zeroFile(String name, long size) throws IOException {
        Path path = dir.resolve(name);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
        }
        return path;
    }

    private static byte[] sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private TcpClientSession connect(InetSocketAddress address) {
        RecordingListener events = new RecordingListener();
        session = new TcpClientSession(TcpClientOptions.of(address.getAddress().getHostAddress(), address.getPort()),
                event -> {
                    if (event instanceof SessionEvent.Data data) {
                        if (txDigest != null && data.direction() == Direction.TX) {
                            txDigest.update(data.bytes()); // the loop thread's only: no lock
                            txShown.addAndGet(data.bytes().length);
                        }
                    } else {
                        if (event instanceof SessionEvent.SentUnread unread) {
                            txUnread.addAndGet(unread.length());
                        }
                        events.onEvent(event); // keep control events only: a 64 MB send is 1,000 data events
                    }
                }, counters);
        worker = new Thread(session::run, "file-test-session");
        worker.setDaemon(true);
        worker.start();
        events.await(SessionEvent.Connected.class);
        return session;
    }

    @AfterEach
    void closeSession() throws InterruptedException {
        if (session != null) {
            session.close();
            worker.join(TIMEOUT.toMillis());
            assertFalse(worker.isAlive(), "the session's loop ended");
        }
        if (end.outcome.get() != null) { // a send that never started (a missing file) has no end
            end.assertFinishedOnce(); // its loop is gone (a datagram target's with its test): nothing more comes
        }
    }

    /** As file regions (sendfile) and as arrays (what a TLS connection gets): the same bytes arrive and show. */
    @ParameterizedTest(name = "file regions: {0}")
    @ValueSource(booleans = {true, false})
    void aFileSentOverTcpArrivesByteIdenticalAndShowsAsSent(boolean regions) throws Exception {
        int size = 5 * 1024 * 1024 + 123; // not a whole number of chunks
        Path file = randomFile("random.bin", size, 7);
        txDigest = MessageDigest.getInstance("SHA-256");
        try (SinkServer sink = new SinkServer()) {
            WindowProbe probe = new WindowProbe(connect(sink.address()), regions);
            FileSender sender = FileSender.start(file, probe, FileSendOptions.stream(), end);

            assertEquals(Outcome.COMPLETED, end.await());
            sink.awaitReceived(size, TIMEOUT);
            assertArrayEquals(sha256(file), sink.digest());
            assertEquals(size, sink.received());
            assertEquals(size, end.last.get().bytesSent());
            assertEquals(size, end.last.get().totalBytes());
            assertEquals(1.0, sender.progress().fraction());
            assertEquals(size, counters.txBytes());
            assertTrue(probe.maxInFlight.get() <= probe.window(), "window " + probe.maxInFlight);
            assertEquals(regions, probe.regionsIssued.get() > 0, "regions issued: " + probe.regionsIssued);
            session.close(); // the TX rows are all told by now; closing orders the digest's last update before ours
            worker.join(TIMEOUT.toMillis());
            assertEquals(size, txShown.get(), "the TX rows show every byte sent");
            assertArrayEquals(sha256(file), txDigest.digest(), "... as the file holds them");
        }
    }

    /**
     * A listener that keeps only a file's end (a log of a few megabytes): the regions before it go
     * out unread, reported by their length, and every byte still arrives and is counted.
     */
    @Test
    void regionsTheListenerDoesNotWantAreSentUnreadAndCountedByLength() throws Exception {
        int size = 5 * 1024 * 1024 + 123;
        long keeps = 1024 * 1024 + 5;
        Path file = randomFile("tail.bin", size, 11);
        txDigest = MessageDigest.getInstance("SHA-256");
        RecordingEnd keepsTheEnd = new RecordingEnd() {
            @Override
            public boolean readBack(long position, int length, long fileBytes) {
                return FileSender.reachesLast(keeps, position, length, fileBytes);
            }
        };
        try (SinkServer sink = new SinkServer()) {
            FileSender.start(file, connect(sink.address()), FileSendOptions.stream(), keepsTheEnd);

            assertEquals(Outcome.COMPLETED, keepsTheEnd.await());
            sink.awaitReceived(size, TIMEOUT);
            assertArrayEquals(sha256(file), sink.digest());
            assertEquals(size, counters.txBytes());
            session.close(); // every event of the send is told by now; the join orders them before ours
            worker.join(TIMEOUT.toMillis());
            keepsTheEnd.assertFinishedOnce();
            int chunk = FileSendOptions.stream().chunkSize();
            long shownFrom = (size - keeps) / chunk * chunk; // the first region that ends inside the kept end
            assertEquals(size - shownFrom, txShown.get(), "the TX rows show the regions of the kept end");
            assertEquals(shownFrom, txUnread.get(), "the rest is reported by its length");
            byte[] content = Files.readAllBytes(file);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(content, (int) shownFrom, size)),
                    txDigest.digest(), "... as the file holds them");
        }
    }

    /** A file cut short while it is being sent ends the send saying so, whichever way it goes out. */
    @ParameterizedTest(name = "file regions: {0}")
    @ValueSource(booleans = {true, false})
    void aFileThatShrinksWhileSentEndsTheSendAsChanged(boolean regions) throws Exception {
        long size = 64L << 20;
        Path file = zeroFile("zeros.bin", size);
        try (SinkServer sink = new SinkServer(true, Long.MAX_VALUE)) {
            WindowProbe probe = new WindowProbe(connect(sink.address()), regions);
            FileSender sender = FileSender.start(file, probe, FileSendOptions.stream(), end);
            Await.until(() -> probe.inFlight.get() == probe.window(), TIMEOUT, "the window to fill");
            try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
                cut.setLength(0);
            }
            sink.resume();
            assertEquals(Outcome.FILE_CHANGED, end.await());
            assertTrue(end.last.get().bytesSent() < size);
            assertTrue(session.isOpen(), "the connection goes on");
            assertFalse(sender.isRunning());
        }
    }

    /**
     * A file that opens but cannot be read (a folder: it opens for reading, its reads fail) ends
     * the send with what the read threw, which {@link IoErrors} words, whichever way the target
     * takes files; the connection goes on. Handed to the kernel as regions, a folder made the
     * connection fail ("No such device") and the send end as TARGET_CLOSED; read into arrays, the
     * listener got only the JDK's text, "Is a directory".
     */
    @ParameterizedTest(name = "file regions: {0}")
    @ValueSource(booleans = {true, false})
    void aFileThatCannotBeReadEndsTheSendSayingWhyInWords(boolean regions) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assumeTrue(Files.size(folder) > 0, "a folder with a length (ext4, tmpfs); on btrfs it is 0 and sends nothing");
        Locale before = Language.current();
        Language.use(Locale.ENGLISH);
        try (SinkServer sink = new SinkServer()) {
            WindowProbe probe = new WindowProbe(connect(sink.address()), regions);
            FileSender sender = FileSender.start(folder, probe, FileSendOptions.stream(), end);
            assertEquals(Outcome.READ_FAILED, end.await(), () -> "ended with " + end.cause.get());
            assertEquals("it is a folder, not a file", IoErrors.describe(end.cause.get()), "what the window and the log say");
            assertEquals(0, end.last.get().bytesSent());
            assertEquals(0, probe.regionsIssued.get(), "no region of a folder handed to the kernel");
            assertTrue(session.isOpen(), "the connection goes on");
            assertFalse(sender.isRunning());
        } finally {
            Language.use(before);
        }
    }

    @Test
    void aPeerThatStopsReadingHoldsTheReadingBackThenEverythingArrives() throws Exception {
        long size = 64L << 20;
        Path file = zeroFile("zeros.bin", size);
        try (SinkServer sink = new SinkServer(true, Long.MAX_VALUE)) {
            WindowProbe probe = new WindowProbe(connect(sink.address()));
            FileSender sender = FileSender.start(file, probe, FileSendOptions.stream(), end);

            // The socket buffers fill, then the window: the sender waits with at most a window queued.
            Await.until(() -> probe.inFlight.get() == probe.window(), TIMEOUT, "the window to fill");
            long issued = probe.issuedBytes.get();
            assertTrue(issued < size / 2, "read " + issued + " bytes of a file nobody reads");
            assertTrue(sender.isRunning());

            sink.resume();
            assertEquals(Outcome.COMPLETED, end.await());
            sink.awaitReceived(size, TIMEOUT);
            assertArrayEquals(sha256(file), sink.digest());
            assertTrue(probe.maxInFlight.get() <= probe.window());
        }
    }

    @Test
    void cancelStopsReadingTheFile() throws Exception {
        long size = 64L << 20;
        Path file = zeroFile("zeros.bin", size);
        try (SinkServer sink = new SinkServer(true, Long.MAX_VALUE)) {
            WindowProbe probe = new WindowProbe(connect(sink.address()));
            FileSender sender = FileSender.start(file, probe, FileSendOptions.stream(), end);
            Await.until(() -> probe.inFlight.get() == probe.window(), TIMEOUT, "the window to fill");
            sender.cancel();
            assertEquals(Outcome.CANCELLED, end.await());
            long issued = probe.issuedBytes.get();
            sink.resume();
            sink.awaitReceived(issued, TIMEOUT); // what was queued still goes out ...
            assertEquals(issued, probe.issuedBytes.get(), "... and nothing more is read");
            assertTrue(end.last.get().bytesSent() < size);
        }
    }

    @Test
    void aPeerThatHangsUpEndsTheSend() throws Exception {
        Path file = zeroFile("zeros.bin", 64L << 20);
        try (SinkServer sink = new SinkServer(false, 1 << 20)) {
            FileSender.start(file, connect(sink.address()), FileSendOptions.stream(), end);
            assertEquals(Outcome.TARGET_CLOSED, end.await());
            assertTrue(end.last.get().bytesSent() < (64L << 20));
        }
    }

    @Test
    void anEmptyFileCompletesAtOnce() throws Exception {
        Path file = Files.write(dir.resolve("empty.bin"), new byte[0]);
        try (SinkServer sink = new SinkServer()) {
            FileSender.start(file, connect(sink.address()), FileSendOptions.stream(), end);
            assertEquals(Outcome.COMPLETED, end.await());
            assertEquals(0, end.last.get().bytesSent());
            assertEquals(1.0, end.last.get().fraction());
        }
    }

    @Test
    void aMissingFileFailsAtStart() throws Exception {
        try (SinkServer sink = new SinkServer()) {
            TcpClientSession target = connect(sink.address());
            assertThrows(NoSuchFileException.class,
                    () -> FileSender.start(dir.resolve("absent.bin"), target, FileSendOptions.stream(), end));
        }
    }

    @Test
    void aFileSentAsDatagramsArrivesByteIdentical() throws Exception {
        int size = 1024 * 1024 + 77;
        int datagram = 16_000;
        Path file = randomFile("random.bin", size, 11);
        try (DatagramChannel receiver = DatagramChannel.open()) {
            receiver.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Integer> lengths = new CopyOnWriteArrayList<>();
            AtomicLong received = new AtomicLong();
            Thread reader = new Thread(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(FileSendOptions.MAX_DATAGRAM);
                try {
                    while (received.get() < size) {
                        buffer.clear();
                        receiver.receive(buffer);
                        buffer.flip();
                        lengths.add(buffer.remaining());
                        received.addAndGet(buffer.remaining());
                        digest.update(buffer);
                    }
                } catch (IOException closed) {
                    // end of test
                }
            }, "udp-receiver");
            reader.setDaemon(true);
            reader.start();
            try (DatagramChannelTarget target = new DatagramChannelTarget((InetSocketAddress) receiver.getLocalAddress())) {
                // Modest pace (a datagram every 200 µs, 80 MB/s) so loopback loses nothing.
                FileSender.start(file, target, FileSendOptions.datagrams(datagram, Duration.ofNanos(200_000)), end);
                assertEquals(Outcome.COMPLETED, end.await());
                Await.until(() -> received.get() >= size, TIMEOUT, () -> "received " + received.get() + " of " + size);
                reader.join(TIMEOUT.toMillis());
            }
            assertArrayEquals(sha256(file), digest.digest());
            int count = (size + datagram - 1) / datagram;
            assertEquals(count, lengths.size());
            assertTrue(lengths.subList(0, count - 1).stream().allMatch(length -> length == datagram));
            assertEquals(size - (count - 1) * datagram, lengths.get(count - 1));
        }
    }

    @Test
    void datagramsAreSpacedByTheDelayFromTheStart() throws Exception {
        Path file = randomFile("small.bin", 10 * 100, 3);
        List<Long> sentAt = new CopyOnWriteArrayList<>();
        try (DatagramChannel receiver = DatagramChannel.open()) {
            receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (DatagramChannelTarget udp = new DatagramChannelTarget((InetSocketAddress) receiver.getLocalAddress())) {
                SendTarget timed = new SendTarget() {
                    @Override
                    public SelectorLoop loop() {
                        return udp.loop();
                    }

                    @Override
                    public boolean isOpen() {
                        return udp.isOpen();
                    }

                    @Override
                    public void send(byte[] bytes, SendCompletion done) {
                        sentAt.add(System.nanoTime());
                        udp.send(bytes, done);
                    }
                };
                FileSender.start(file, timed, FileSendOptions.datagrams(100, Duration.ofMillis(10)), end);
                assertEquals(Outcome.COMPLETED, end.await());
            }
        }
        assertEquals(10, sentAt.size());
        // Due at start + k * 10 ms; the first goes out a few microseconds after the start.
        for (int k = 1; k < sentAt.size(); k++) {
            assertTrue(sentAt.get(k) - sentAt.get(0) >= k * 10_000_000L - 1_000_000L, "datagram " + k + " early");
        }
    }

    @Test
    void datagramSizeIsCheckedAgainstTheUdpLimit() {
        assertEquals(65_507, FileSendOptions.datagrams(65_507, Duration.ZERO).chunkSize());
        assertThrows(IllegalArgumentException.class, () -> FileSendOptions.datagrams(65_508, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FileSendOptions.datagrams(0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FileSendOptions.datagrams(100, Duration.ofMillis(-1)));
    }
}
