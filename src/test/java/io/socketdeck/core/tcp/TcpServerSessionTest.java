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
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.LowPorts;
import io.socketdeck.testsupport.TcpProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TcpServerSessionTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;

    private final List<Running> sessions = new ArrayList<>();
    private final List<TcpProbe> probes = new ArrayList<>();

    /** A session on its own thread with its own events. */
    private record Running(TcpServerSession session, RecordingListener events, TrafficCounters counters, Thread worker) {
        InetSocketAddress local() {
            return events.await(SessionEvent.Opened.class).local();
        }
    }

    private Running start(TcpServerOptions options) {
        RecordingListener events = new RecordingListener();
        TrafficCounters counters = new TrafficCounters();
        TcpServerSession session = new TcpServerSession(options, events, counters);
        Thread worker = new Thread(session::run, "test-server");
        worker.setDaemon(true);
        worker.start();
        Running running = new Running(session, events, counters, worker);
        sessions.add(running);
        return running;
    }

    private static TcpServerOptions loopback(int port) {
        return TcpServerOptions.of(InetAddress.getLoopbackAddress(), port);
    }

    private TcpProbe connect(InetSocketAddress address) throws IOException {
        TcpProbe probe = TcpProbe.connect(address);
        probes.add(probe);
        return probe;
    }

    /** Connects {@code count} clients and waits until the server reported each of them. */
    private List<TcpProbe> connectClients(Running server, int count) throws IOException {
        List<TcpProbe> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TcpProbe probe = connect(server.local());
            server.events().await(SessionEvent.Connected.class, c -> c.remote().equals(probe.localAddress()));
            clients.add(probe);
        }
        return clients;
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        probes.forEach(TcpProbe::close);
        for (Running running : sessions) {
            running.session().close();
            running.worker().join(TIMEOUT.toMillis());
            assertFalse(running.worker().isAlive(), "the server's thread ends after close");
        }
    }

    @Test
    void portZeroListensOnAPortTheSystemPicked() {
        Running server = start(loopback(0));
        InetSocketAddress local = server.local();
        assertNotEquals(0, local.getPort());
        assertEquals(local, server.session().localAddress());
        assertTrue(server.session().isOpen());
    }

    @Test
    void clientsAreListedWithTheirAddressesAndEachReadNamesItsClient() throws Exception {
        Running server = start(loopback(0));
        List<TcpProbe> clients = connectClients(server, 3);
        Set<InetSocketAddress> expected = clients.stream().map(TcpProbe::localAddress).collect(Collectors.toSet());
        assertEquals(expected, server.session().clients().stream().map(ClientSnapshot::remote).collect(Collectors.toSet()));

        byte[] gbk = "温度 23".getBytes("GBK");
        clients.get(1).send(gbk);
        SessionEvent.Data read = server.events().await(SessionEvent.Data.class, d -> d.direction() == Direction.RX);
        assertEquals(clients.get(1).localAddress(), read.peer());
        assertArrayEquals(gbk, read.bytes());
        Await.until(() -> server.session().clients().stream()
                .anyMatch(c -> c.remote().equals(clients.get(1).localAddress()) && c.rxBytes() == gbk.length),
                TIMEOUT, "the snapshot counts the client's bytes");
    }

    @Test
    void aSendToOneClientReachesOnlyThatClient() throws Exception {
        Running server = start(loopback(0));
        List<TcpProbe> clients = connectClients(server, 3);
        byte[] secret = "only you".getBytes(StandardCharsets.US_ASCII);
        byte[] marker = "all".getBytes(StandardCharsets.US_ASCII);

        assertTrue(server.session().sendTo(List.of(clients.get(0).localAddress()), secret));
        assertTrue(server.session().sendToAll(marker));

        assertArrayEquals(secret, clients.get(0).readExactly(secret.length, TIMEOUT));
        // TCP keeps order: had the others got the secret, it would come before the marker.
        for (TcpProbe client : clients) {
            assertArrayEquals(marker, client.readExactly(marker.length, TIMEOUT), client.toString());
        }
        SessionEvent.Data tx = server.events().await(SessionEvent.Data.class, d -> d.direction() == Direction.TX);
        assertEquals(clients.get(0).localAddress(), tx.peer(), "a send to one client is that client's TX");
    }

    @Test
    void aBroadcastIsOneEventAndEveryClientsBytesAreCounted() throws Exception {
        Running server = start(loopback(0));
        List<TcpProbe> clients = connectClients(server, 4);
        byte[] payload = "ping 你好".getBytes(StandardCharsets.UTF_8);

        server.session().sendToAll(payload);

        for (TcpProbe client : clients) {
            assertArrayEquals(payload, client.readExactly(payload.length, TIMEOUT));
        }
        SessionEvent.SentToMany sent = server.events().await(SessionEvent.SentToMany.class);
        assertEquals(4, sent.recipients());
        assertArrayEquals(payload, sent.bytes());
        Await.until(() -> server.counters().txBytes() == 4L * payload.length, TIMEOUT, "TX bytes of all four");
        assertEquals(4, server.counters().txMessages());
        assertTrue(server.events().all(SessionEvent.Data.class).stream().noneMatch(d -> d.direction() == Direction.TX),
                "no per-client TX events for a broadcast");
        assertTrue(server.session().clients().stream().allMatch(c -> c.txBytes() == payload.length));
    }

    @Test
    void aSendToAClientThatLeftIsANotConnectedFailure() throws Exception {
        Running server = start(loopback(0).withHalfCloseLinger(Duration.ZERO));
        TcpProbe gone = connectClients(server, 1).get(0);
        InetSocketAddress address = gone.localAddress();
        gone.close();
        server.events().await(SessionEvent.Disconnected.class);

        server.session().sendTo(List.of(address), new byte[] {1});

        SessionEvent.Failure failure = server.events().await(SessionEvent.Failure.class);
        assertEquals(FailureKind.NOT_CONNECTED, failure.kind());
        assertEquals(address, failure.peer());
    }

    @Test
    void disconnectKicksTheChosenClientOnly() throws Exception {
        Running server = start(loopback(0));
        List<TcpProbe> clients = connectClients(server, 2);
        InetSocketAddress kicked = clients.get(0).localAddress();

        server.session().disconnect(List.of(kicked));

        assertTrue(clients.get(0).awaitClosedByPeer(TIMEOUT), "the kicked client's socket is closed");
        SessionEvent.Disconnected event = server.events().await(SessionEvent.Disconnected.class);
        assertEquals(kicked, event.remote());
        assertEquals(CloseReason.KICKED, event.reason());
        assertEquals(List.of(clients.get(1).localAddress()),
                server.session().clients().stream().map(ClientSnapshot::remote).toList());
    }

    @Test
    void aPeersCloseAndAResetAreToldApart() throws Exception {
        Running server = start(loopback(0).withHalfCloseLinger(Duration.ZERO));
        List<TcpProbe> clients = connectClients(server, 2);
        InetSocketAddress closing = clients.get(0).localAddress();
        InetSocketAddress resetting = clients.get(1).localAddress();
        clients.get(0).close();
        clients.get(1).close(true);
        server.events().await(SessionEvent.PeerFinished.class, f -> f.remote().equals(closing));
        assertEquals(CloseReason.PEER, server.events().await(SessionEvent.Disconnected.class,
                d -> d.remote().equals(closing)).reason());
        assertEquals(CloseReason.RESET, server.events().await(SessionEvent.Disconnected.class,
                d -> d.remote().equals(resetting)).reason());
        Await.until(() -> server.session().clientCount() == 0, TIMEOUT, "both gone from the client list");
    }

    @Test
    void aClientBeyondTheLimitIsResetAtOnceAndReported() throws Exception {
        Running server = start(loopback(0).withMaxClients(2));
        connectClients(server, 2);
        try (Socket excess = new Socket()) {
            excess.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InetSocketAddress excessAddress = (InetSocketAddress) excess.getLocalSocketAddress();
            String seen;
            try {
                // The RST may already answer the connect, or else the first read.
                excess.connect(server.local(), (int) TIMEOUT.toMillis());
                excess.setSoTimeout((int) TIMEOUT.toMillis());
                seen = "read " + excess.getInputStream().read();
            } catch (SocketException e) {
                seen = e.getMessage();
            }
            assertTrue(seen.toLowerCase(Locale.ROOT).contains("connection reset"), "the excess client sees a reset: " + seen);
            SessionEvent.Disconnected rejected = server.events().await(SessionEvent.Disconnected.class);
            assertEquals(excessAddress, rejected.remote());
            assertEquals(CloseReason.REJECTED, rejected.reason());
        }
        assertEquals(2, server.events().all(SessionEvent.Connected.class).size(), "never reported as connected");
        assertEquals(2, server.session().clientCount());
    }

    @Test
    void stopClosesEveryClientAndThePortIsFreeAtOnce() throws Exception {
        Running first = start(loopback(0));
        int port = first.local().getPort();
        List<TcpProbe> clients = connectClients(first, 3);

        first.session().close();

        SessionEvent.Closed closed = first.events().await(SessionEvent.Closed.class);
        assertEquals(CloseReason.LOCAL, closed.reason());
        List<SessionEvent.Disconnected> ends = first.events().all(SessionEvent.Disconnected.class);
        assertEquals(3, ends.size());
        assertTrue(ends.stream().allMatch(d -> d.reason() == CloseReason.SERVER_STOPPED), ends.toString());
        for (TcpProbe client : clients) {
            assertTrue(client.awaitClosedByPeer(TIMEOUT));
            assertFalse(client.wasResetByPeer(), "closed cleanly, not reset");
        }
        List<SessionEvent> all = first.events().events();
        assertEquals(closed, all.get(all.size() - 1), "Closed is the last event");

        Running second = start(loopback(port));
        assertEquals(port, second.local().getPort(), "listening again on the same port at once");
    }

    @Test
    void withoutReuseAddressThePortStaysBusyWhileClosedClientsLinger() throws Exception {
        Running first = start(loopback(0));
        int port = first.local().getPort();
        connectClients(first, 1);
        first.session().close();
        first.events().await(SessionEvent.Closed.class);

        // We closed first, so that connection lingers on our port (FIN_WAIT/TIME_WAIT):
        // only SO_REUSEADDR lets a new listener share the port with it.
        Running strict = start(loopback(port).withReuseAddress(false));
        assertEquals(FailureKind.PORT_IN_USE, strict.events().await(SessionEvent.Failure.class).kind());
        Running reusing = start(loopback(port));
        assertEquals(port, reusing.local().getPort());
    }

    @Test
    void aPortInUseIsAFailureNamingTheAddress() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Running server = start(loopback(other.getLocalPort()));
            SessionEvent.Failure failure = server.events().await(SessionEvent.Failure.class);
            assertEquals(FailureKind.PORT_IN_USE, failure.kind());
            assertEquals(other.getLocalSocketAddress(), failure.peer());
            assertEquals(CloseReason.ERROR, server.events().await(SessionEvent.Closed.class).reason());
            assertFalse(server.session().isOpen());
        }
    }

    @Test
    void anAddressThisComputerDoesNotHaveIsAddressNotAvailable() throws Exception {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737), never assigned to a real interface; binding fails locally.
        Running server = start(TcpServerOptions.of(InetAddress.getByName("192.0.2.1"), 0));
        assertEquals(FailureKind.ADDRESS_NOT_AVAILABLE, server.events().await(SessionEvent.Failure.class).kind());
        assertEquals(CloseReason.ERROR, server.events().await(SessionEvent.Closed.class).reason());
    }

    @Test
    void aPortBelow1024WithoutPrivilegeIsPermissionDenied() throws Exception {
        if (LowPorts.deniedInThisJvm()) {
            Running server = start(loopback(LowPorts.PRIVILEGED_PORT));
            assertEquals(FailureKind.PERMISSION_DENIED, server.events().await(SessionEvent.Failure.class).kind());
            return;
        }
        Assumptions.assumeTrue(LowPorts.canDropPrivilege(),
                "this JVM may bind ports below 1024 (root) and setpriv cannot drop CAP_NET_BIND_SERVICE here");
        String outcome = LowPorts.runWithoutPrivilege(LowPortListen.class, List.of(), Duration.ofSeconds(60));
        assertEquals("PERMISSION_DENIED", outcome.strip());
    }

    @Test
    void listensOnIpv6Loopback() throws Exception {
        Running server = start(TcpServerOptions.of(InetAddress.getByName("::1"), 0));
        TcpProbe client = connectClients(server, 1).get(0);
        client.send("v6");
        assertArrayEquals("v6".getBytes(StandardCharsets.US_ASCII), server.events().awaitBytes(Direction.RX, 2));
    }

    @Test
    void closeBeforeRunEndsAtOnce() throws InterruptedException {
        RecordingListener events = new RecordingListener();
        TcpServerSession closedEarly = new TcpServerSession(loopback(0), events, new TrafficCounters());
        closedEarly.close();
        Thread worker = new Thread(closedEarly::run);
        worker.start();
        worker.join(TIMEOUT.toMillis());
        assertFalse(worker.isAlive());
        assertEquals(1, events.events().size());
        assertEquals(CloseReason.LOCAL, events.await(SessionEvent.Closed.class).reason());
        assertFalse(closedEarly.sendToAll(new byte[] {1}), "nothing to send on");
    }
}
