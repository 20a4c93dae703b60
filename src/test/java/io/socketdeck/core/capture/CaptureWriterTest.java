package io.socketdeck.core.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.codec.EscapeText;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.session.Unsent;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.SourceServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureWriterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern LOG_LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}\t(RX|TX|CONNECTED|DISCONNECTED|FAILURE|CLOSED|OPENED)\t([^\t]*)\t(\\d*)\t(.*)");

    @TempDir
    Path dir;

    private final List<CaptureFailure> failures = new CopyOnWriteArrayList<>();
    private final TrafficCounters counters = new TrafficCounters();

    /** Runs a client session to {@code address} with the capture and a recorder as listeners. */
    private TcpClientSession run(InetSocketAddress address, CaptureWriter capture, RecordingListener events,
                                 List<Thread> threads) {
        SessionListener recorder = events;
        if (controlOnly.contains(events)) {
            recorder = event -> {
                if (!(event instanceof SessionEvent.Data)) {
                    events.onEvent(event);
                }
            };
        }
        TcpClientSession session = new TcpClientSession(
                // The source closes when done: the session ends then, not a minute later.
                TcpClientOptions.of(address.getAddress().getHostAddress(), address.getPort())
                        .withHalfCloseLinger(Duration.ZERO),
                SessionListener.all(List.of(capture, recorder)), counters);
        Thread worker = new Thread(session::run, "capture-test-session");
        worker.setDaemon(true);
        worker.start();
        threads.add(worker);
        return session;
    }

    private static byte[] concat(List<Path> files) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path file : files) {
            all.write(Files.readAllBytes(file));
        }
        return all.toByteArray();
    }

    /** Marks a recorder that keeps control events only: a flood's data events would hold megabytes twice. */
    private final List<RecordingListener> controlOnly = new ArrayList<>();

    private RecordingListener controlEvents() {
        RecordingListener events = new RecordingListener();
        controlOnly.add(events);
        return events;
    }

    @Test
    void aRawCaptureOfARealFloodEqualsWhatThePeerSentAcrossRollovers() throws Exception {
        byte[] flood = new byte[6 * 1024 * 1024 + 4321];
        new Random(5).nextBytes(flood);
        long roll = 1_000_000;
        Path file = dir.resolve("flood.bin");
        RecordingListener events = controlEvents();
        List<Thread> threads = new ArrayList<>();
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(file).withRollBytes(roll), failures::add);
        try (SourceServer source = new SourceServer(flood)) {
            run(source.address(), capture, events, threads);
            events.await(SessionEvent.Closed.class);
            threads.get(0).join(TIMEOUT.toMillis());
            capture.close();

            List<Path> files = capture.files();
            assertEquals((flood.length + roll - 1) / roll, files.size());
            assertEquals(file, files.get(0));
            assertEquals(dir.resolve("flood.bin.1"), files.get(1));
            assertEquals(dir.resolve("flood.bin.6"), files.get(6));
            for (Path part : files.subList(0, files.size() - 1)) {
                assertEquals(roll, Files.size(part), part + " is split exactly at the limit");
            }
            assertArrayEquals(flood, concat(files), "every byte, in order");
            assertEquals(flood.length, counters.rxBytes());
            assertTrue(failures.isEmpty(), failures.toString());
        } finally {
            capture.close();
        }
    }

    @Test
    void rawSentBytesGoToTheirOwnFile() throws Exception {
        Path file = dir.resolve("echo.bin");
        RecordingListener events = new RecordingListener();
        List<Thread> threads = new ArrayList<>();
        byte[] first = "hello ".getBytes(StandardCharsets.US_ASCII);
        byte[] second = {0x00, (byte) 0xFF, 0x0D, 0x0A};
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(file).withIncludeSent(true), failures::add);
        try (EchoPeer peer = EchoPeers.tcp()) {
            TcpClientSession session = run(peer.address(), capture, events, threads);
            events.await(SessionEvent.Connected.class);
            session.send(first);
            session.send(second);
            events.awaitBytes(Direction.RX, first.length + second.length);
            session.close();
            threads.get(0).join(TIMEOUT.toMillis());
            capture.close();
            byte[] both = concat(List.of(file));
            assertArrayEquals(events.bytes(Direction.RX), both);
            assertEquals(dir.resolve("echo.tx.bin"), capture.options().sentFile());
            assertArrayEquals(events.bytes(Direction.TX), Files.readAllBytes(dir.resolve("echo.tx.bin")));
            assertEquals(List.of(file, dir.resolve("echo.tx.bin")), capture.files());
        } finally {
            capture.close();
        }
    }

    @Test
    void aLogCaptureHasOneLinePerEventAndNeverSplitsALine() throws Exception {
        Path file = dir.resolve("traffic.log");
        RecordingListener events = new RecordingListener();
        List<Thread> threads = new ArrayList<>();
        CaptureOptions options = CaptureOptions.log(file).withRollBytes(300);
        CaptureWriter capture = CaptureWriter.open(options, failures::add);
        try (EchoPeer peer = EchoPeers.tcp()) {
            TcpClientSession session = run(peer.address(), capture, events, threads);
            events.await(SessionEvent.Connected.class);
            int sent = 0;
            for (int i = 0; i < 20; i++) {
                byte[] line = ("line " + i + " \\ 你好\r\n").getBytes(StandardCharsets.UTF_8);
                session.send(line);
                sent += line.length;
                // One echo per send, in step. Not counters.txBytes(): it lags the send (the loop
                // writes later), and an echo awaited for the bytes counted so far may be none.
                events.awaitBytes(Direction.RX, sent);
            }
            session.send(new byte[] {0x01, (byte) 0xFE});
            events.awaitBytes(Direction.RX, sent + 2);
            session.close();
            threads.get(0).join(TIMEOUT.toMillis());
            capture.close();

            List<Path> files = capture.files();
            assertTrue(files.size() > 3, "rolled at 300 bytes: " + files);
            List<String> all = new ArrayList<>();
            for (Path part : files) {
                String content = Files.readString(part, StandardCharsets.UTF_8);
                assertTrue(content.endsWith("\n"), part + " ends with a whole line");
                assertTrue(Files.size(part) <= 300, part + " is " + Files.size(part) + " bytes");
                all.addAll(content.lines().toList());
            }
            List<SessionEvent.Data> data = events.all(SessionEvent.Data.class);
            List<String> dataLines = all.stream().filter(l -> l.contains("\tRX\t") || l.contains("\tTX\t")).toList();
            assertEquals(data.size(), dataLines.size(), "one line per data event");
            for (int i = 0; i < data.size(); i++) {
                Matcher line = LOG_LINE.matcher(dataLines.get(i));
                assertTrue(line.matches(), dataLines.get(i));
                assertEquals(data.get(i).direction().name(), line.group(1));
                assertEquals(Integer.toString(data.get(i).bytes().length), line.group(3));
                assertArrayEquals(data.get(i).bytes(), EscapeText.encode(line.group(4), StandardCharsets.UTF_8),
                        "the escaped text gives the bytes back");
            }
            assertTrue(all.get(0).contains("\tCONNECTED\t"), all.get(0));
            assertTrue(all.get(all.size() - 1).matches(".*\tCLOSED\t\t\tLOCAL"), all.get(all.size() - 1));
            assertTrue(all.stream().anyMatch(l -> l.contains("\\x01\\xFE")), "bytes that are not text as \\x");
        } finally {
            capture.close();
        }
    }

    /**
     * Issue 9: captures were created 0644, readable by every user of the machine although they
     * hold other people's traffic. Every file of a capture (received, sent, each roll) is 0600,
     * an old file written over included.
     */
    @Test
    void captureFilesAreReadableByTheirOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = dir.resolve("private.bin");
        Files.writeString(file, "an older capture");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(file).withIncludeSent(true).withRollBytes(4),
                failures::add);
        try {
            InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 502);
            capture.onEvent(new SessionEvent.Data(0, Direction.RX, peer, "received".getBytes(StandardCharsets.US_ASCII)));
            capture.onEvent(new SessionEvent.Data(1, Direction.TX, peer, "sent".getBytes(StandardCharsets.US_ASCII)));
            capture.close();
            List<Path> files = capture.files();
            assertEquals(3, files.size(), files.toString()); // private.bin, private.bin.1, the .tx file
            for (Path written : files) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(written)), written.toString());
            }
        } finally {
            capture.close();
        }
    }

    @Test
    void aLogCaptureInHex() throws Exception {
        Path file = dir.resolve("hex.log");
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.log(file).withLogHex(true), failures::add);
        try {
            InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 502);
            capture.onEvent(new SessionEvent.Data(0, Direction.RX, peer, new byte[] {0x01, 0x03, (byte) 0xFF}));
            capture.onEvent(new SessionEvent.Disconnected(1, peer, CloseReason.PEER));
            capture.close();
            List<String> lines = Files.readAllLines(file);
            assertEquals(2, lines.size());
            assertTrue(lines.get(0).endsWith("\tRX\t127.0.0.1:502\t3\t01 03 FF"), lines.get(0));
            assertTrue(lines.get(1).endsWith("\tDISCONNECTED\t127.0.0.1:502\t\tPEER"), lines.get(1));
        } finally {
            capture.close();
        }
    }

    @Test
    void anEndThatLeftSendsUnsentSaysSoOnItsLine() throws Exception {
        Path file = dir.resolve("unsent.log");
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.log(file), failures::add);
        try {
            InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 502);
            capture.onEvent(new SessionEvent.Disconnected(1, peer, CloseReason.RESET, 3,
                    new Unsent(4, 62_952_027, 4_157_547, 67_108_864)));
            capture.onEvent(new SessionEvent.Disconnected(2, peer, CloseReason.LOCAL, 4, new Unsent(2, 10, 0, 0)));
            capture.close();
            List<String> lines = Files.readAllLines(file);
            assertTrue(lines.get(0).endsWith("\tDISCONNECTED\t127.0.0.1:502\t\tRESET unsent=4 unsentBytes=62952027"
                    + " cut=4157547/67108864"), lines.get(0));
            assertTrue(lines.get(1).endsWith("\tLOCAL unsent=2 unsentBytes=10"), lines.get(1));
        } finally {
            capture.close();
        }
    }

    @Test
    void receivedOnlyUnlessSentIsAsked() throws Exception {
        Path file = dir.resolve("rx.bin");
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 7);
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(file), failures::add);
        try {
            capture.onEvent(new SessionEvent.Data(0, Direction.TX, peer, new byte[] {9, 9}));
            capture.onEvent(new SessionEvent.Data(0, Direction.RX, peer, new byte[] {1, 2}));
            capture.close();
            capture.onEvent(new SessionEvent.Data(0, Direction.RX, peer, new byte[] {3}));
        } finally {
            capture.close();
        }
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(file));
        assertTrue(Files.notExists(dir.resolve("rx.tx.bin")));
    }

    @Test
    void dataReachesTheDiskWithinAFlushPeriodWithoutClosing() throws Exception {
        Path file = dir.resolve("live.bin");
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(file), failures::add);
        try {
            capture.onEvent(new SessionEvent.Data(0, Direction.RX, new InetSocketAddress("127.0.0.1", 7), new byte[] {42}));
            Await.until(() -> {
                try {
                    return Files.size(file) == 1;
                } catch (java.io.IOException e) {
                    return false;
                }
            }, Duration.ofSeconds(5), "the periodic flush");
        } finally {
            capture.close();
        }
    }

    @Test
    void aFileThatCannotBeCreatedFailsAtOpen() {
        Path inMissingDirectory = dir.resolve("no/such/dir/capture.bin");
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> CaptureWriter.open(CaptureOptions.raw(inMissingDirectory), failures::add));
    }

    @Test
    void aWriteFaultIsReportedAndTheSessionGoesOn() throws Exception {
        Path file = dir.resolve("cap.bin");
        Files.createDirectory(dir.resolve("cap.bin.1")); // the second file cannot be opened
        byte[] flood = new byte[200_000];
        new Random(9).nextBytes(flood);
        RecordingListener events = controlEvents();
        List<Thread> threads = new ArrayList<>();
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(file).withRollBytes(50_000), failures::add);
        try (SourceServer source = new SourceServer(flood)) {
            run(source.address(), capture, events, threads);
            events.await(SessionEvent.Closed.class);
            threads.get(0).join(TIMEOUT.toMillis());
            assertEquals(flood.length, counters.rxBytes(), "the session read everything despite the fault");
            assertEquals(1, failures.size(), "reported once");
            CaptureFailure failure = failures.get(0);
            assertEquals(CaptureFailure.Kind.IO, failure.kind());
            assertEquals(failure, capture.failure());
            assertEquals(50_000, failure.bytesWritten());
            assertEquals(CloseReason.PEER, events.await(SessionEvent.Closed.class).reason());
        } finally {
            capture.close();
        }
    }

    @Test
    void aFullDiskIsReportedAsSuch() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        CaptureWriter capture = CaptureWriter.open(CaptureOptions.raw(full), failures::add);
        try {
            capture.onEvent(new SessionEvent.Data(0, Direction.RX, new InetSocketAddress("127.0.0.1", 7), new byte[10]));
            capture.flush();
            assertEquals(1, failures.size());
            assertEquals(CaptureFailure.Kind.DISK_FULL, failures.get(0).kind());
            capture.onEvent(new SessionEvent.Data(0, Direction.RX, new InetSocketAddress("127.0.0.1", 7), new byte[10]));
            capture.flush();
            assertEquals(1, failures.size(), "a failed capture stays quiet");
        } finally {
            capture.close();
        }
    }
}
