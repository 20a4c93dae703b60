package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 2: besides Disconnect (a FIN), Reset (an RST: the peer's read fails with
 * ConnectionResetError) and Half-close (our FIN, and we go on receiving), from the client and
 * for a server's chosen clients, seen by a Python peer.
 */
class EndingConnectionTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final String SCRIPT = "eof_then_send.py";
    private static final byte[] AFTER_EOF = "BYE AFTER YOUR FIN\n".getBytes(StandardCharsets.US_ASCII);
    private static final String AFTER_HEX = HexFormat.of().formatHex(AFTER_EOF);

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("ending-test"));
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void needPython() {
        assumeTrue(PythonPeer.available(), "python3");
    }

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    private TcpClientSession connect(PythonPeer device) {
        TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", device.port()), events,
                new TrafficCounters(), loops.next());
        client.start();
        events.await(SessionEvent.Connected.class);
        return client;
    }

    @Test
    void resetIsAConnectionResetErrorForThePeer() throws Exception {
        try (PythonPeer device = PythonPeer.start(SCRIPT, "127.0.0.1", "listen", AFTER_HEX)) {
            TcpClientSession client = connect(device);
            client.send("HELLO\n".getBytes(StandardCharsets.US_ASCII));
            Await.until(() -> device.stdout().contains("RX "), TIMEOUT, device::stdout);
            client.reset();
            assertEquals(CloseReason.ABORTED, events.await(SessionEvent.Disconnected.class).reason());
            assertEquals(CloseReason.ABORTED, events.awaitClosed().reason());
            Await.until(() -> device.stdout().contains("RESET"), TIMEOUT, () -> "an RST, not a FIN: " + device.stdout());
            assertTrue(!device.stdout().contains("EOF"), device.stdout());
        }
    }

    @Test
    void halfCloseIsAnEndOfStreamForThePeerAndWeKeepReceiving() throws Exception {
        try (PythonPeer device = PythonPeer.start(SCRIPT, "127.0.0.1", "listen", AFTER_HEX)) {
            TcpClientSession client = connect(device);
            byte[] last = "LAST WORDS\n".getBytes(StandardCharsets.US_ASCII);
            client.send(last);
            client.halfClose();
            events.await(SessionEvent.HalfClosed.class);
            assertTrue(client.outputShut());
            Await.until(() -> device.stdout().contains("EOF"), TIMEOUT, device::stdout);
            assertTrue(device.stdout().contains("RX " + HexFormat.of().formatHex(last)), "sent before the FIN");
            // The peer answers our FIN, and we still read it.
            assertArrayEquals(AFTER_EOF, events.awaitBytes(Direction.RX, AFTER_EOF.length));
            // Then it closes: both sides finished, the connection ends as closed by the peer.
            assertEquals(CloseReason.PEER, events.awaitClosed().reason());
            assertTrue(events.all(SessionEvent.PeerFinished.class).size() == 1, events.events().toString());
        }
    }

    @Test
    void aSendAfterHalfCloseIsRefusedSayingWhy() throws Exception {
        // A device that accepts and waits: it does not close when our FIN comes.
        try (java.net.ServerSocket device = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", device.getLocalPort()),
                    events, new TrafficCounters(), loops.next());
            client.start();
            events.await(SessionEvent.Connected.class);
            client.halfClose();
            events.await(SessionEvent.HalfClosed.class);
            client.send("TOO LATE".getBytes(StandardCharsets.US_ASCII));
            SessionEvent.Failure refused = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.OUTPUT_SHUT, refused.kind());
            client.close();
            events.awaitClosed();
        }
    }

    @Test
    void aPeersHalfCloseLeavesUsSending() throws Exception {
        // The other way round: the peer's FIN is its own event, and our sends still go out.
        byte[] greeting = "READY\n".getBytes(StandardCharsets.US_ASCII);
        try (PythonPeer device = PythonPeer.start("half_close_server.py", "127.0.0.1",
                HexFormat.of().formatHex(greeting))) {
            TcpClientSession client = connect(device);
            events.await(SessionEvent.PeerFinished.class);
            assertTrue(client.send("ACK\n".getBytes(StandardCharsets.US_ASCII)));
            Await.until(() -> device.stdout().contains("RX " + HexFormat.of().formatHex(
                    "ACK\n".getBytes(StandardCharsets.US_ASCII))), TIMEOUT, device::stdout);
            client.reset();
            assertEquals(CloseReason.ABORTED, events.awaitClosed().reason());
            Await.until(() -> device.stdout().contains("RESET"), TIMEOUT, device::stdout);
        }
    }

    @Test
    void theServerResetsAndHalfClosesChosenClients() throws Exception {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0),
                events, new TrafficCounters(), loops.next());
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        String port = Integer.toString(address.getPort());
        try (PythonPeer halfClosed = PythonPeer.start(SCRIPT, "127.0.0.1", "connect", port, AFTER_HEX);
             PythonPeer reset = PythonPeer.start(SCRIPT, "127.0.0.1", "connect", port, AFTER_HEX)) {
            Await.until(() -> server.clientCount() == 2, TIMEOUT, () -> "two clients: " + events.events());
            InetSocketAddress halfAddress = new InetSocketAddress("127.0.0.1", halfClosed.port());
            InetSocketAddress resetAddress = new InetSocketAddress("127.0.0.1", reset.port());

            server.halfClose(List.of(halfAddress));
            SessionEvent.HalfClosed half = events.await(SessionEvent.HalfClosed.class);
            assertEquals(halfAddress, half.remote());
            Await.until(() -> halfClosed.stdout().contains("EOF"), TIMEOUT, halfClosed::stdout);
            assertArrayEquals(AFTER_EOF, events.awaitBytes(Direction.RX, AFTER_EOF.length), "still received");
            SessionEvent.Disconnected gone = events.await(SessionEvent.Disconnected.class,
                    event -> event.remote().equals(halfAddress));
            assertEquals(CloseReason.PEER, gone.reason());

            server.reset(List.of(resetAddress));
            SessionEvent.Disconnected aborted = events.await(SessionEvent.Disconnected.class,
                    event -> event.remote().equals(resetAddress));
            assertEquals(CloseReason.ABORTED, aborted.reason());
            Await.until(() -> reset.stdout().contains("RESET"), TIMEOUT, reset::stdout);
            assertTrue(server.isOpen(), "the server goes on listening");
        }
        server.close();
    }
}
