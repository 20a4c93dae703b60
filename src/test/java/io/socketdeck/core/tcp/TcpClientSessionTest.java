package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.BlackholeServer;
import io.socketdeck.testsupport.ClosedPort;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.ResettingServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpClientSessionTest {

    private final RecordingListener events = new RecordingListener();
    private final TrafficCounters counters = new TrafficCounters();
    private TcpClientSession session;
    private Thread worker;

    private TcpClientSession start(TcpClientOptions options) {
        session = new TcpClientSession(options, events, counters);
        worker = new Thread(session::run, "test-session");
        worker.setDaemon(true);
        worker.start();
        return session;
    }

    private static TcpClientOptions to(InetSocketAddress address) {
        return TcpClientOptions.of(address.getAddress().getHostAddress(), address.getPort());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (session != null) {
            session.close();
            worker.join(RecordingListener.TIMEOUT.toMillis());
            assertFalse(worker.isAlive(), "the session's thread ends after close");
        }
    }

    @Test
    void echoesAndCountsEveryByteBothWays() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            start(to(peer.address()));
            SessionEvent.Connected connected = events.await(SessionEvent.Connected.class);
            assertNotEquals(0, connected.local().getPort(), "the OS-picked local port is reported");
            assertEquals(peer.address().getPort(), connected.remote().getPort());

            byte[] first = "hello ".getBytes(StandardCharsets.US_ASCII);
            byte[] second = "你好".getBytes("GBK");
            assertTrue(session.send(first));
            assertTrue(session.send(second));
            byte[] echoed = events.awaitBytes(Direction.RX, first.length + second.length);

            assertArrayEquals(concat(first, second), echoed);
            assertArrayEquals(concat(first, second), events.bytes(Direction.TX));
            assertEquals(first.length + second.length, counters.rxBytes());
            assertEquals(first.length + second.length, counters.txBytes());
            assertEquals(2, counters.txMessages());
            assertEquals(events.all(SessionEvent.Data.class).stream().filter(d -> d.direction() == Direction.RX).count(),
                    counters.rxMessages(), "one RX message per read event");
        }
    }

    @Test
    void aSendMadeAsSoonAsConnectedIsSeenIsNotRefused() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            java.util.concurrent.atomic.AtomicBoolean openOnConnected = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicReference<TcpClientSession> self = new java.util.concurrent.atomic.AtomicReference<>();
            session = new TcpClientSession(to(peer.address()), event -> {
                if (event instanceof SessionEvent.Connected) {
                    openOnConnected.set(self.get().isOpen() && self.get().send(new byte[] {'!'}));
                }
                events.onEvent(event);
            }, counters);
            self.set(session);
            worker = new Thread(session::run, "test-session");
            worker.setDaemon(true);
            worker.start();
            events.await(SessionEvent.Connected.class);
            assertTrue(openOnConnected.get(), "open and sending when Connected is emitted");
            assertArrayEquals(new byte[] {'!'}, events.awaitBytes(Direction.RX, 1));
        }
    }

    @Test
    void connectsOverIpv6Loopback() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp("::1")) {
            start(TcpClientOptions.of("::1", peer.address().getPort()));
            events.await(SessionEvent.Connected.class);
            session.send(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, events.awaitBytes(Direction.RX, 3));
        }
    }

    @Test
    void refusedConnectionIsAFailureThenClosed() {
        start(TcpClientOptions.of("127.0.0.1", ClosedPort.find()));
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals(CloseReason.ERROR, events.await(SessionEvent.Closed.class).reason());
        assertFalse(session.send(new byte[] {1}), "nothing to send on");
    }

    @Test
    void silentPeerTimesOut() throws Exception {
        try (BlackholeServer blackhole = new BlackholeServer()) {
            start(to(blackhole.address()).withConnectTimeout(Duration.ofMillis(300)));
            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.CONNECT_TIMEOUT, failure.kind());
            assertEquals(CloseReason.ERROR, events.await(SessionEvent.Closed.class).reason());
        }
    }

    @Test
    void unknownHostIsReportedWithItsName() {
        start(TcpClientOptions.of("no-such-host.invalid", 80));
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.UNKNOWN_HOST, failure.kind());
        assertEquals("no-such-host.invalid", failure.detail());
        events.await(SessionEvent.Closed.class);
    }

    @Test
    void peerResetIsToldApartFromPeerClose() throws Exception {
        try (ResettingServer server = new ResettingServer()) {
            start(to(server.address()));
            events.await(SessionEvent.Connected.class);
            server.awaitAccepted(1, RecordingListener.TIMEOUT);
            server.sendThenReset("bye".getBytes(StandardCharsets.US_ASCII));
            assertEquals(CloseReason.RESET, events.await(SessionEvent.Disconnected.class).reason());
            assertEquals(CloseReason.RESET, events.await(SessionEvent.Closed.class).reason());
        }
    }

    /**
     * A FIN is the peer finishing its sending, not the end of the connection: it may wait for an
     * answer. Without a linger time the connection closes with PEER as soon as nothing waits.
     */
    @Test
    void peerCloseIsAFin() throws Exception {
        try (ResettingServer server = new ResettingServer()) {
            start(to(server.address()).withHalfCloseLinger(Duration.ZERO));
            events.await(SessionEvent.Connected.class);
            server.awaitAccepted(1, RecordingListener.TIMEOUT);
            server.closeGracefully();
            events.await(SessionEvent.PeerFinished.class);
            assertEquals(CloseReason.PEER, events.await(SessionEvent.Disconnected.class).reason());
            assertEquals(CloseReason.PEER, events.awaitClosed().reason());
        }
    }

    @Test
    void byDefaultAFinLeavesTheConnectionOpenForUsToCloseOrAnswer() throws Exception {
        try (ResettingServer server = new ResettingServer()) {
            start(to(server.address()));
            events.await(SessionEvent.Connected.class);
            server.awaitAccepted(1, RecordingListener.TIMEOUT);
            server.closeGracefully();
            events.await(SessionEvent.PeerFinished.class);
            assertTrue(session.isOpen(), "still open: the peer may only have shut its output");
            assertTrue(session.peerFinished());
            session.close();
            assertEquals(CloseReason.LOCAL, events.await(SessionEvent.Disconnected.class).reason());
            assertEquals(CloseReason.LOCAL, events.awaitClosed().reason());
        }
    }

    @Test
    void localCloseEndsWithLocalReasonAndClosedLast() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            start(to(peer.address()));
            events.await(SessionEvent.Connected.class);
            session.close();
            assertEquals(CloseReason.LOCAL, events.await(SessionEvent.Disconnected.class).reason());
            SessionEvent.Closed closed = events.await(SessionEvent.Closed.class);
            assertEquals(CloseReason.LOCAL, closed.reason());
            List<SessionEvent> all = events.events();
            assertEquals(closed, all.get(all.size() - 1), "Closed is the last event");
            assertEquals(1, events.all(SessionEvent.Closed.class).size());
        }
    }

    @Test
    void closeBeforeRunEndsAtOnce() throws InterruptedException {
        session = new TcpClientSession(TcpClientOptions.of("127.0.0.1", 9), events, counters);
        session.close();
        worker = new Thread(session::run);
        worker.start();
        worker.join(RecordingListener.TIMEOUT.toMillis());
        assertEquals(List.of(CloseReason.LOCAL), events.all(SessionEvent.Closed.class).stream().map(SessionEvent.Closed::reason).toList());
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
