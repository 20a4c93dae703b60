package io.socketdeck.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.SinkServer;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions given a loop from a {@link LoopGroup}: many per loop, each ending on its own. */
class SharedLoopTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopGroup group = new LoopGroup(1, LoopGroup.daemonThreads("shared-loop-test"));
    private final SelectorLoop loop = group.next();

    @AfterEach
    void closeGroup() throws InterruptedException {
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT), "the loop thread ends");
    }

    private static TcpClientOptions to(InetSocketAddress address) {
        return TcpClientOptions.of(address.getAddress().getHostAddress(), address.getPort());
    }

    @Test
    void aServerAClientOfItAndAUdpSocketShareOneLoopAndEndOneByOne() throws Exception {
        RecordingListener serverEvents = new RecordingListener();
        // A client that closes is closed at once (no linger for an answer): the FIN is what is checked.
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0)
                .withHalfCloseLinger(Duration.ZERO), serverEvents, new TrafficCounters(), loop);
        server.start();
        InetSocketAddress serverAddress = serverEvents.await(SessionEvent.Opened.class).local();

        RecordingListener clientEvents = new RecordingListener();
        TcpClientSession client = new TcpClientSession(to(serverAddress), clientEvents, new TrafficCounters(), loop);
        client.start();
        RecordingListener udpEvents = new RecordingListener();
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), udpEvents, new TrafficCounters(), loop);
        udp.start();

        SessionEvent.Connected connected = clientEvents.await(SessionEvent.Connected.class);
        assertTrue(client.send("ping".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII),
                serverEvents.awaitBytes(Direction.RX, 4), "one loop serves both ends of the connection");
        assertSame(loop, client.loop());
        assertSame(loop, server.loop());

        client.close();
        assertEquals(CloseReason.LOCAL, clientEvents.awaitClosed().reason());
        assertEquals(CloseReason.LOCAL, clientEvents.await(SessionEvent.Disconnected.class).reason());
        assertEquals(CloseReason.PEER, serverEvents.await(SessionEvent.Disconnected.class,
                d -> d.remote().equals(connected.local())).reason(), "the server saw the FIN");
        assertFalse(client.isOpen());
        assertTrue(client.hasEnded());

        // The loop goes on for the others.
        try (TcpProbe probe = TcpProbe.connect(serverAddress); UdpProbe udpProbe = UdpProbe.bind()) {
            serverEvents.await(SessionEvent.Connected.class, c -> c.remote().equals(probe.localAddress()));
            assertTrue(server.sendToAll("still here".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("still here", probe.readUtf8("still here", TIMEOUT));
            udpProbe.send(new byte[] {42}, udpEvents.await(SessionEvent.Opened.class).local());
            assertArrayEquals(new byte[] {42}, udpEvents.awaitBytes(Direction.RX, 1));

            server.close();
            serverEvents.awaitClosed();
            assertTrue(probe.awaitClosedByPeer(TIMEOUT));
            try (ServerSocket again = new ServerSocket(serverAddress.getPort(), 1, LOOPBACK)) {
                assertEquals(serverAddress.getPort(), again.getLocalPort(), "the port is free once Closed is out");
            }
        }
        assertEquals(List.of(), keysOfClosedChannels(), "the ended sessions left no key behind");
        assertTrue(udp.isOpen());
        udp.close();
        udpEvents.awaitClosed();
        assertEquals(0, keysOnTheLoop());
        clientEvents.assertClosedLast();
        serverEvents.assertClosedLast();
    }

    @Test
    void aSessionThatEndsTellsItsQueuedSendsTheyWereNotWritten() throws Exception {
        try (SinkServer sink = new SinkServer(true, Long.MAX_VALUE)) {
            RecordingListener events = new RecordingListener();
            TcpClientSession client = new TcpClientSession(to(sink.address()), events, new TrafficCounters(), loop);
            client.start();
            events.await(SessionEvent.Connected.class);
            List<Boolean> outcomes = new CopyOnWriteArrayList<>();
            int sends = 8;
            for (int i = 0; i < sends; i++) {
                client.send(new byte[4 << 20], outcomes::add); // 32 MiB: more than any socket buffer takes
            }
            client.close();
            events.awaitClosed();
            Await.until(() -> outcomes.size() == sends, TIMEOUT, () -> "every send told: " + outcomes);
            assertTrue(outcomes.contains(false), "queued sends were dropped: " + outcomes);
            assertFalse(client.send(new byte[1]), "nothing to send on");
        }
    }

    @Test
    void closingTheGroupEndsEverySessionOnItOnce() throws Exception {
        RecordingListener serverEvents = new RecordingListener();
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), serverEvents,
                new TrafficCounters(), loop);
        server.start();
        InetSocketAddress address = serverEvents.await(SessionEvent.Opened.class).local();
        RecordingListener clientEvents = new RecordingListener();
        new TcpClientSession(to(address), clientEvents, new TrafficCounters(), loop).start();
        clientEvents.await(SessionEvent.Connected.class);

        group.close();

        assertTrue(group.awaitTermination(TIMEOUT));
        assertEquals(CloseReason.LOCAL, serverEvents.awaitClosed().reason());
        assertEquals(CloseReason.LOCAL, clientEvents.awaitClosed().reason());
        assertFalse(server.isOpen());
    }

    @Test
    void aSessionStartedOnAStoppedLoopEndsAtOnce() throws Exception {
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT));
        RecordingListener events = new RecordingListener();
        UdpSession late = new UdpSession(UdpOptions.bind(LOOPBACK, 0), events, new TrafficCounters(), loop);
        late.start();
        List<SessionEvent> all = events.events();
        assertEquals(1, all.size(), "Closed at once, before start returns: " + all);
        assertEquals(CloseReason.LOCAL, ((SessionEvent.Closed) all.get(0)).reason());
    }

    @Test
    void closedBeforeStartItOnlyReportsClosed() {
        RecordingListener events = new RecordingListener();
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), events,
                new TrafficCounters(), loop);
        server.close();
        assertEquals(List.of(), events.events(), "nothing before it starts");
        server.start();
        assertEquals(CloseReason.LOCAL, events.awaitClosed().reason());
        assertEquals(1, events.events().size());
    }

    @Test
    void sharedAndOwnLoopsAreStartedTheirOwnWay() {
        RecordingListener events = new RecordingListener();
        UdpSession shared = new UdpSession(UdpOptions.bind(LOOPBACK, 0), events, new TrafficCounters(), loop);
        assertThrows(IllegalStateException.class, shared::run, "its loop runs elsewhere");
        shared.start();
        assertThrows(IllegalStateException.class, shared::start, "once");
        events.await(SessionEvent.Opened.class);
        UdpSession own = new UdpSession(UdpOptions.bind(LOOPBACK, 0), events, new TrafficCounters());
        assertThrows(IllegalStateException.class, own::start, "an own loop needs run()");
        shared.close();
        events.awaitClosed();
    }

    @Test
    void aSessionOnItsOwnLoopRunsUntilClosedAsBefore() throws Exception {
        RecordingListener events = new RecordingListener();
        UdpSession own = new UdpSession(UdpOptions.bind(LOOPBACK, 0), events, new TrafficCounters());
        Thread worker = new Thread(own::run, "own-loop-test");
        worker.setDaemon(true);
        worker.start();
        events.await(SessionEvent.Opened.class);
        assertTrue(own.loop().selector().isOpen());
        own.close();
        worker.join(TIMEOUT.toMillis());
        assertFalse(worker.isAlive(), "run() returns once the session has closed");
        events.assertClosedLast();
        assertFalse(own.loop().selector().isOpen(), "run() closes the loop it made");
    }

    /** Channels still registered with the loop although closed: what an ended session must not leave. */
    private List<String> keysOfClosedChannels() throws Exception {
        return onLoop(() -> loop.selector().keys().stream()
                .filter(key -> !key.channel().isOpen() || !key.isValid())
                .map(SelectionKey::toString).toList());
    }

    private int keysOnTheLoop() throws Exception {
        return onLoop(() -> loop.selector().keys().size());
    }

    private <T> T onLoop(Supplier<T> query) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> answer.complete(query.get()));
        return answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
