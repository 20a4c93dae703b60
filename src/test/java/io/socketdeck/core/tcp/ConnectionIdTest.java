package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.Session;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.testsupport.ClosedPort;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every event about one TCP connection carries that connection's id, and only that one. */
class ConnectionIdTest {

    private final List<Session> sessions = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();

    private <S extends Session> S run(S session) {
        Thread worker = new Thread(session::run, "connection-id-test");
        worker.setDaemon(true);
        worker.start();
        sessions.add(session);
        workers.add(worker);
        return session;
    }

    @AfterEach
    void stop() throws InterruptedException {
        sessions.forEach(Session::close);
        for (Thread worker : workers) {
            worker.join(RecordingListener.TIMEOUT.toMillis());
        }
    }

    @Test
    void eachClientOfAServerAndTheClientSessionCarryTheirOwnIds() throws Exception {
        RecordingListener serverEvents = new RecordingListener();
        // A client that closes is closed at once, not kept open for an answer: this test follows ids.
        TcpServerSession server = run(new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0)
                .withHalfCloseLinger(Duration.ZERO),
                serverEvents, new TrafficCounters()));
        InetSocketAddress address = serverEvents.await(SessionEvent.Opened.class).local();

        RecordingListener clientEvents = new RecordingListener();
        TcpClientSession client = run(new TcpClientSession(
                TcpClientOptions.of(address.getAddress().getHostAddress(), address.getPort()), clientEvents,
                new TrafficCounters()));
        long clientId = clientEvents.await(SessionEvent.Connected.class).connection();
        try (TcpProbe probe = TcpProbe.connect(address)) {
            SessionEvent.Connected sessionSide = serverEvents.await(SessionEvent.Connected.class,
                    c -> c.remote().equals(clientEvents.await(SessionEvent.Connected.class).local()));
            SessionEvent.Connected probeSide = serverEvents.await(SessionEvent.Connected.class,
                    c -> c.remote().equals(probe.localAddress()));
            List<Long> ids = List.of(clientId, sessionSide.connection(), probeSide.connection());
            assertTrue(ids.stream().allMatch(id -> id != ConnectionIds.NONE), ids.toString());
            assertEquals(3, ids.stream().distinct().count(), "unique within the process: " + ids);

            client.send(new byte[] {1, 2});
            probe.send(new byte[] {3});
            SessionEvent.Data fromClient = serverEvents.await(SessionEvent.Data.class,
                    d -> d.direction() == Direction.RX && d.connection() == sessionSide.connection());
            assertEquals(sessionSide.remote(), fromClient.peer());
            SessionEvent.Data fromProbe = serverEvents.await(SessionEvent.Data.class,
                    d -> d.direction() == Direction.RX && d.peer().equals(probe.localAddress()));
            assertEquals(probeSide.connection(), fromProbe.connection());
            assertEquals(clientId, clientEvents.await(SessionEvent.Data.class, d -> d.direction() == Direction.TX)
                    .connection(), "TX data names its connection");

            server.sendTo(List.of(probe.localAddress()), new byte[] {4});
            assertEquals(probeSide.connection(), serverEvents.await(SessionEvent.Data.class,
                    d -> d.direction() == Direction.TX).connection());

            probe.close(false); // the client leaves; the server reports it
            assertEquals(probeSide.connection(), serverEvents.await(SessionEvent.Disconnected.class).connection());
            server.sendTo(List.of(probe.localAddress()), new byte[] {5});
            SessionEvent.Failure gone = serverEvents.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.NOT_CONNECTED, gone.kind());
            assertEquals(ConnectionIds.NONE, gone.connection(), "a client that left has no connection any more");
        }
        client.close();
        assertEquals(clientId, clientEvents.await(SessionEvent.Disconnected.class).connection());
    }

    @Test
    void aFailedConnectIsAboutNoConnection() {
        RecordingListener events = new RecordingListener();
        run(new TcpClientSession(TcpClientOptions.of("127.0.0.1", ClosedPort.find()), events,
                new TrafficCounters()));
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals(ConnectionIds.NONE, failure.connection());
    }

    @Test
    void aDatagramIsAboutNoConnection() throws Exception {
        RecordingListener events = new RecordingListener();
        UdpSession udp = run(new UdpSession(UdpOptions.bind(InetAddress.getLoopbackAddress(), 0), events,
                new TrafficCounters()));
        InetSocketAddress local = events.await(SessionEvent.Opened.class).local();
        try (UdpProbe probe = UdpProbe.bind()) {
            probe.send(new byte[] {7}, local);
            assertEquals(ConnectionIds.NONE, events.await(SessionEvent.Data.class).connection());
        }
        assertTrue(udp.isOpen());
    }

    @Test
    void theOldConstructorsMeanNoConnection() {
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
        assertEquals(0, new SessionEvent.Data(1, Direction.RX, peer, new byte[0]).connection());
        assertEquals(0, new SessionEvent.Connected(1, peer, peer).connection());
        assertEquals(0, new SessionEvent.Disconnected(1, peer, CloseReason.PEER).connection());
        assertEquals(0, new SessionEvent.Failure(1, FailureKind.IO, null, "x").connection());
        assertNotEquals(ConnectionIds.next(), ConnectionIds.next());
    }
}
