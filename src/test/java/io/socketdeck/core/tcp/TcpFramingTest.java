package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.Blocking;
import io.socketdeck.testsupport.TcpProbe;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Framing on real loopback connections: frames are cut on the I/O thread whatever the reads'
 * sizes, each frame is one RX event, counters still count every byte as read, and nothing held
 * is lost when the peer finishes, the connection closes or the framing changes.
 */
class TcpFramingTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Framing CRLF = new Framing.Delimiter(bytes("\r\n"), false);

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("framing-test"));
    private final RecordingListener events = new RecordingListener();
    private final TrafficCounters counters = new TrafficCounters();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    private TcpServerSession listen(Framing framing) {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), events, counters, loops.next());
        server.setFraming(framing);
        server.start();
        return server;
    }

    private InetSocketAddress listening() {
        return events.await(SessionEvent.Opened.class).local();
    }

    /**
     * Sends {@code chunk} and waits until the session has read it and cut it: the next chunk is a
     * read of its own, and a framing set now applies to the next chunk only.
     */
    private void sendApart(TcpProbe peer, byte[] chunk) throws Exception {
        long before = counters.rxBytes();
        peer.send(chunk);
        Await.until(() -> counters.rxBytes() == before + chunk.length, TIMEOUT, "read " + chunk.length + " bytes");
        // A read is counted before it is cut, in the same turn of the loop: the loop's next task
        // runs once that turn is over.
        CountDownLatch turnsOver = new CountDownLatch(loops.loops().size());
        loops.loops().forEach(loop -> loop.execute(turnsOver::countDown));
        assertTrue(turnsOver.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the loop's turn over");
    }

    private List<String> received() {
        return events.all(SessionEvent.Data.class).stream()
                .filter(data -> data.direction() == Direction.RX)
                .map(data -> new String(data.bytes(), StandardCharsets.ISO_8859_1))
                .toList();
    }

    private void awaitRows(int count) {
        Await.until(() -> received().size() >= count, TIMEOUT, () -> count + " rows: " + received());
    }

    @Test
    void aDelimiterSplitAcrossReadsEndsOneFrame() throws Exception {
        listen(CRLF);
        try (TcpProbe peer = TcpProbe.connect(listening())) {
            sendApart(peer, bytes("AT\r"));
            sendApart(peer, bytes("\nOK\r\nERR"));
            sendApart(peer, bytes("OR\r\n"));
            awaitRows(3);
            assertEquals(List.of("AT", "OK", "ERROR"), received());
            assertEquals(15, counters.rxBytes(), "every byte counted, delimiters included");
        }
    }

    @Test
    void aLengthPrefixSplitInsideTheFieldStillFrames() throws Exception {
        listen(new Framing.LengthPrefix(2, ByteOrder.BIG_ENDIAN, 0, false, 1024));
        try (TcpProbe peer = TcpProbe.connect(listening())) {
            sendApart(peer, HexFormat.of().parseHex("00"));
            sendApart(peer, HexFormat.of().parseHex("0568656c"));
            sendApart(peer, HexFormat.of().parseHex("6c6f0002"));
            sendApart(peer, HexFormat.of().parseHex("6869"));
            awaitRows(2);
            assertEquals(List.of("\0\5hello", "\0\2hi"), received());
        }
    }

    @Test
    void aFrameOverTheMaximumIsReportedShownAndFramingStartsAgain() throws Exception {
        listen(new Framing.LengthPrefix(1, ByteOrder.BIG_ENDIAN, 0, false, 8));
        try (TcpProbe peer = TcpProbe.connect(listening())) {
            sendApart(peer, HexFormat.of().parseHex("ff4142"));
            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.FRAME_TOO_LONG, failure.kind());
            assertEquals("256", failure.detail(), "the length it announced, header included");
            sendApart(peer, HexFormat.of().parseHex("024344"));
            awaitRows(2);
            assertEquals(List.of("\u00ffAB", "\2CD"), received(), "the bad frame shown unframed, the next framed");
            assertTrue(events.all(SessionEvent.Disconnected.class).isEmpty(), "the connection stays");
        }
    }

    @Test
    void anUnfinishedFrameIsARowBeforeThePeerFinishes() throws Exception {
        listen(CRLF);
        try (TcpProbe peer = TcpProbe.connect(listening())) {
            peer.send(bytes("one\r\ntwo"));
            peer.shutdownOutput();
            events.await(SessionEvent.PeerFinished.class);
            assertEquals(List.of("one", "two"), received());
            List<SessionEvent> all = events.events();
            int lastRow = all.lastIndexOf(events.all(SessionEvent.Data.class).get(1));
            assertTrue(lastRow < all.indexOf(events.all(SessionEvent.PeerFinished.class).get(0)), all.toString());
        }
    }

    @Test
    void anIdleGapJoinsATrickleIntoOneFrame() throws Exception {
        // Long enough that a busy machine does not stretch the pause between two sends past it.
        listen(new Framing.IdleGap(1500));
        try (TcpProbe peer = TcpProbe.connect(listening())) {
            byte[] gbk = "中文".getBytes("GBK");
            for (byte b : gbk) {
                sendApart(peer, new byte[] {b});
            }
            awaitRows(1);
            assertEquals(List.of(new String(gbk, StandardCharsets.ISO_8859_1)), received());
        }
    }

    @Test
    void changingTheFramingWhileConnectedHandsOverTheFrameBegun() throws Exception {
        TcpServerSession server = listen(CRLF);
        try (TcpProbe peer = TcpProbe.connect(listening())) {
            sendApart(peer, bytes("half"));
            server.setFraming(new Framing.FixedLength(2));
            awaitRows(1);
            sendApart(peer, bytes("abcd"));
            awaitRows(3);
            assertEquals(List.of("half", "ab", "cd"), received());
        }
    }

    @Test
    void theClientSessionFramesWhatTheServerSends() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK)) {
            TcpClientSession client = new TcpClientSession(
                    TcpClientOptions.of(LOOPBACK.getHostAddress(), listener.getLocalPort()), events, counters, loops.next());
            client.setFraming(new Framing.Delimiter(bytes("\n"), true));
            client.start();
            try (Socket accepted = Blocking.accept(listener)) {
                OutputStream out = accepted.getOutputStream();
                out.write(bytes("+OK ready\n+OK"));
                Await.until(() -> counters.rxBytes() == 13, TIMEOUT, "first part read");
                out.write(bytes(" done\n"));
                awaitRows(2);
                assertEquals(List.of("+OK ready\n", "+OK done\n"), received());
            } finally {
                client.close();
            }
            assertInstanceOf(SessionEvent.Closed.class, events.awaitClosed());
        }
    }
}
