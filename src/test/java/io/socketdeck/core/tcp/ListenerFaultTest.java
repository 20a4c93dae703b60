package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A listener that throws while a connection is handled ends that connection, with a Failure
 * naming the exception and Disconnected(ERROR), and nothing else: before, the loop cancelled the
 * key quietly and a server kept the client listed forever.
 */
class ListenerFaultTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopGroup group = new LoopGroup(1, LoopGroup.daemonThreads("listener-fault-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeGroup() throws InterruptedException {
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT));
    }

    /** Records every event, then throws once on the first event {@code when} picks. */
    private SessionListener throwingOnce(Predicate<SessionEvent> when, RuntimeException fault) {
        AtomicBoolean thrown = new AtomicBoolean();
        return event -> {
            events.onEvent(event);
            if (when.test(event) && thrown.compareAndSet(false, true)) {
                throw fault;
            }
        };
    }

    private TcpServerSession startServer(SessionListener listener) {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), listener,
                new TrafficCounters(), group.next());
        server.start();
        return server;
    }

    private TcpProbe connect(InetSocketAddress server) throws Exception {
        TcpProbe probe = TcpProbe.connect(server);
        events.await(SessionEvent.Connected.class, c -> c.remote().equals(probe.localAddress()));
        return probe;
    }

    @Test
    void aListenerThatThrowsOnOneClientsDataEndsThatClientWhileAnotherKeepsTalking() throws Exception {
        TcpServerSession server = startServer(throwingOnce(
                event -> event instanceof SessionEvent.Data data && data.direction() == Direction.RX,
                new IllegalStateException("listener bug")));
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe faulty = connect(address); TcpProbe healthy = connect(address)) {
            long faultyId = events.await(SessionEvent.Connected.class,
                    c -> c.remote().equals(faulty.localAddress())).connection();

            faulty.send("boom");

            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.IO, failure.kind());
            assertEquals("java.lang.IllegalStateException: listener bug", failure.detail());
            assertEquals(faultyId, failure.connection());
            assertEquals(faulty.localAddress(), failure.peer());
            SessionEvent.Disconnected gone = events.await(SessionEvent.Disconnected.class);
            assertEquals(CloseReason.ERROR, gone.reason());
            assertEquals(faultyId, gone.connection());
            assertTrue(faulty.awaitClosedByPeer(TIMEOUT), "its socket is closed");
            Await.until(() -> server.clientCount() == 1, TIMEOUT, "it left the client list");
            assertEquals(List.of(healthy.localAddress()), server.clients().stream().map(ClientSnapshot::remote).toList());

            healthy.send("still talking");
            assertArrayEquals("still talking".getBytes(StandardCharsets.US_ASCII), Await.value(
                    () -> bytesFrom(healthy.localAddress()), b -> b.length >= 13, TIMEOUT, "the other client's bytes"));
            assertTrue(server.sendToAll("ok".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("ok", healthy.readUtf8("ok", TIMEOUT));
            assertTrue(server.isOpen());
        }
    }

    @Test
    void aListenerThatThrowsOnConnectedEndsThatClientOnly() throws Exception {
        TcpServerSession server = startServer(throwingOnce(SessionEvent.Connected.class::isInstance,
                new UnsupportedOperationException("no greeting")));
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe first = TcpProbe.connect(address)) {
            assertEquals(CloseReason.ERROR, events.await(SessionEvent.Disconnected.class).reason());
            assertTrue(events.await(SessionEvent.Failure.class).detail().endsWith("UnsupportedOperationException: no greeting"));
            assertTrue(first.awaitClosedByPeer(TIMEOUT));
            try (TcpProbe second = connect(address)) {
                second.send("hi");
                events.await(SessionEvent.Data.class, d -> d.peer().equals(second.localAddress()));
                assertEquals(1, server.clientCount());
            }
        }
    }

    @Test
    void aListenerThatThrowsOnDisconnectedDoesNotStopTheServerClosingEveryClient() throws Exception {
        TcpServerSession server = startServer(throwingOnce(SessionEvent.Disconnected.class::isInstance,
                new IllegalArgumentException("bad row")));
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe a = connect(address); TcpProbe b = connect(address); TcpProbe c = connect(address)) {
            server.close();
            assertEquals(CloseReason.LOCAL, events.awaitClosed().reason());
            assertEquals(3, events.all(SessionEvent.Disconnected.class).size());
            for (TcpProbe probe : List.of(a, b, c)) {
                assertTrue(probe.awaitClosedByPeer(TIMEOUT), probe.toString());
            }
        }
    }

    @Test
    void aClientSessionWhoseListenerThrowsEndsWithErrorWhileTheLoopServesOthers() throws Exception {
        RecordingListener udpEvents = new RecordingListener();
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), udpEvents, new TrafficCounters(), group.next());
        udp.start();
        try (EchoPeer peer = EchoPeers.tcp(); UdpProbe probe = UdpProbe.bind()) {
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", peer.port()),
                    throwingOnce(event -> event instanceof SessionEvent.Data data && data.direction() == Direction.RX,
                            new IllegalStateException("cannot show it")),
                    new TrafficCounters(), group.next());
            client.start();
            events.await(SessionEvent.Connected.class);
            client.send(new byte[] {1});

            assertTrue(events.await(SessionEvent.Failure.class).detail().contains("cannot show it"));
            assertEquals(CloseReason.ERROR, events.await(SessionEvent.Disconnected.class).reason());
            assertEquals(CloseReason.ERROR, events.awaitClosed().reason());

            probe.send(new byte[] {9}, udpEvents.await(SessionEvent.Opened.class).local());
            assertArrayEquals(new byte[] {9}, udpEvents.awaitBytes(Direction.RX, 1));
            assertTrue(udp.isOpen());
        }
    }

    private byte[] bytesFrom(InetSocketAddress peer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        events.all(SessionEvent.Data.class).stream()
                .filter(d -> d.direction() == Direction.RX && d.peer().equals(peer))
                .forEach(d -> out.writeBytes(d.bytes()));
        return out.toByteArray();
    }
}
