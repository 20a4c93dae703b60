package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.TcpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's client list: one versioned, immutable view, cheap for the I/O thread to keep. */
class ClientListTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;

    private final LoopGroup group = new LoopGroup(1, LoopGroup.daemonThreads("client-list-test"));
    private final RecordingListener events = new RecordingListener();
    private final List<TcpProbe> probes = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        probes.forEach(TcpProbe::close);
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT));
    }

    private TcpServerSession startServer(SessionListener listener) {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(InetAddress.getLoopbackAddress(), 0)
                .withHalfCloseLinger(Duration.ZERO), // clients that close are gone at once: membership is the point
                listener, new TrafficCounters(), group.next());
        server.start();
        return server;
    }

    private TcpProbe connect(InetSocketAddress address) throws Exception {
        TcpProbe probe = TcpProbe.connect(address);
        probes.add(probe);
        return probe;
    }

    @Test
    void listsEachClientOnceWithItsIdAndLiveCountsAndMovesOnlyWithMembership() throws Exception {
        TcpServerSession server = startServer(events);
        assertSame(ClientList.EMPTY, server.clientList(), "nothing before anyone connects");
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        List<TcpProbe> clients = List.of(connect(address), connect(address), connect(address));
        Await.until(() -> server.clientList().size() == 3, TIMEOUT, "three clients listed");

        ClientList three = server.clientList();
        assertSame(three, server.clientList(), "unchanged membership: the same list, not built again");
        List<SessionEvent.Connected> connected = events.all(SessionEvent.Connected.class);
        assertEquals(connected.stream().map(SessionEvent.Connected::connection).toList(),
                three.clients().stream().map(ServerClient::connection).toList(), "oldest first, by id");
        assertEquals(clients.stream().map(TcpProbe::localAddress).collect(Collectors.toSet()),
                three.clients().stream().map(ServerClient::remote).collect(Collectors.toSet()));
        assertThrows(UnsupportedOperationException.class, () -> three.clients().remove(0));

        ServerClient first = three.clients().stream()
                .filter(c -> c.remote().equals(clients.get(0).localAddress())).findFirst().orElseThrow();
        clients.get(0).send("12345");
        Await.until(() -> first.rxBytes() == 5, TIMEOUT, "counts are live, read from this thread");
        Object view = first.counters();
        assertFalse(view instanceof TrafficCounters, "read-only: no cast back to counters that reset");
        assertSame(three, server.clientList(), "traffic does not change the membership");

        clients.get(1).close();
        long leftId = events.await(SessionEvent.Disconnected.class).connection();
        ClientList two = Await.value(server::clientList, list -> list.size() == 2, TIMEOUT, "one left");
        assertTrue(two.version() > three.version());
        assertTrue(two.clients().stream().noneMatch(c -> c.connection() == leftId));
        assertNotSame(three, two);
        assertEquals(3, three.size(), "a list once handed out never changes");
    }

    @Test
    void aReaderNeverGetsAClientThatLeftBeforeTheVersionItSawDuringAConnectStorm() throws Exception {
        int storm = 400;
        // When a client's Disconnected is emitted its removal is not published yet: any list with a
        // newer version than the one at that moment must not hold it.
        Map<Long, Long> versionWhenLeaving = new ConcurrentHashMap<>();
        AtomicReference<TcpServerSession> self = new AtomicReference<>();
        TcpServerSession server = startServer(event -> {
            events.onEvent(event);
            if (event instanceof SessionEvent.Disconnected gone) {
                versionWhenLeaving.put(gone.connection(), self.get().clientList().version());
            }
        });
        self.set(server);
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();

        AtomicBoolean storming = new AtomicBoolean(true);
        List<String> violations = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            long lastVersion = -1;
            while (storming.get()) {
                ClientList list = server.clientList();
                if (list.version() < lastVersion) {
                    violations.add("version went back from " + lastVersion + " to " + list.version());
                }
                lastVersion = list.version();
                for (ServerClient client : list.clients()) {
                    Long leftAt = versionWhenLeaving.get(client.connection());
                    if (leftAt != null && list.version() > leftAt && violations.size() < 10) {
                        violations.add("client " + client.connection() + " left at " + leftAt
                                + " but is in version " + list.version());
                    }
                }
            }
        }, "client-list-reader");
        reader.setDaemon(true);
        reader.start();

        List<Thread> connectors = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread connector = new Thread(() -> {
                try {
                    for (int i = 0; i < storm / 4; i++) {
                        TcpProbe probe = connect(address);
                        if (i % 2 == 1) {
                            probe.close(); // every other one leaves again at once
                        }
                    }
                } catch (Exception e) {
                    violations.add("connect failed: " + e);
                }
            }, "storm-" + t);
            connectors.add(connector);
            connector.start();
        }
        for (Thread connector : connectors) {
            connector.join(TIMEOUT.toMillis());
        }
        Await.until(() -> events.all(SessionEvent.Disconnected.class).size() == storm / 2, TIMEOUT,
                () -> "half of them left: " + events.all(SessionEvent.Disconnected.class).size());
        ClientList settled = Await.value(server::clientList, list -> list.size() == storm / 2, TIMEOUT,
                "the stayers listed");
        storming.set(false);
        reader.join(TIMEOUT.toMillis());

        assertEquals(List.of(), violations);
        Set<InetSocketAddress> stayers = probes.stream().filter(p -> !p.socket().isClosed())
                .map(TcpProbe::localAddress).collect(Collectors.toSet());
        assertEquals(stayers, settled.clients().stream().map(ServerClient::remote).collect(Collectors.toSet()));
        assertEquals(storm / 2, server.clients().size(), "the old snapshot agrees");
    }
}
