package io.socketdeck.core.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.UdpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdpSessionTest {

    private static final Duration T = RecordingListener.TIMEOUT;

    private final RecordingListener events = new RecordingListener();
    private final TrafficCounters counters = new TrafficCounters();
    private UdpSession session;
    private Thread worker;

    private UdpSession start(UdpOptions options) {
        session = new UdpSession(options, events, counters);
        worker = new Thread(session::run, "test-udp");
        worker.setDaemon(true);
        worker.start();
        return session;
    }

    private InetSocketAddress open(String host) throws Exception {
        start(UdpOptions.bind(InetAddress.getByName(host), 0));
        return events.await(SessionEvent.Opened.class).local();
    }

    private List<SessionEvent.Data> received() {
        return events.all(SessionEvent.Data.class).stream().filter(d -> d.direction() == Direction.RX).toList();
    }

    private List<SessionEvent.Data> awaitReceived(int count) {
        return Await.value(this::received, list -> list.size() >= count, T, count + " datagrams received");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (session != null) {
            session.close();
            worker.join(T.toMillis());
            assertFalse(worker.isAlive(), "the session's thread ends after close");
            List<SessionEvent> all = events.events();
            assertInstanceOf(SessionEvent.Closed.class, all.get(all.size() - 1), "Closed is the last event");
        }
    }

    @Test
    void aPortLeftToTheSystemIsKnownAsSoonAsTheSocketIsOpen() throws Exception {
        InetSocketAddress local = open("127.0.0.1");
        assertNotEquals(0, local.getPort());
        assertEquals(local, session.localAddress());
        assertTrue(session.isOpen());
    }

    @Test
    void eachDatagramIsOneEventWithItsSenderAndNothingIsMerged() throws Exception {
        InetSocketAddress local = open("127.0.0.1");
        try (UdpProbe first = UdpProbe.bind(); UdpProbe second = UdpProbe.bind()) {
            first.send(bytes("one"), local);
            first.send(new byte[0], local);
            second.send(bytes("two"), local);
            first.send(bytes("three"), local);

            List<SessionEvent.Data> rx = awaitReceived(4);
            assertEquals(List.of("one", "", "two", "three"), rx.stream().map(d -> text(d.bytes())).toList());
            assertEquals(List.of(first.address(), first.address(), second.address(), first.address()),
                    rx.stream().map(SessionEvent.Data::peer).toList());
            assertEquals(4, counters.rxMessages(), "an empty datagram is a datagram too");
            assertEquals(11, counters.rxBytes());
            assertEquals(first.address(), session.senders().last());
            assertEquals(List.of(first.address(), second.address()), session.senders().recent(), "newest first, distinct");
        }
    }

    /**
     * The clock is read once every few datagrams of a turn, not for each: every datagram of a burst
     * still carries a time from within the burst, and one that comes after the clock has moved on
     * carries a later one.
     */
    @Test
    void everyDatagramIsTimedWithinItsBurstAndALaterOneLater() throws Exception {
        InetSocketAddress local = open("127.0.0.1");
        try (UdpProbe peer = UdpProbe.bind()) {
            long before = System.currentTimeMillis();
            for (int i = 0; i < 100; i++) {
                peer.send(bytes("burst " + i), local);
            }
            List<SessionEvent.Data> burst = awaitReceived(100);
            long after = System.currentTimeMillis();
            for (SessionEvent.Data datagram : burst) {
                assertTrue(datagram.timeMillis() >= before && datagram.timeMillis() <= after,
                        datagram.timeMillis() + " outside the burst's " + before + ".." + after);
            }
            long later = Await.value(System::currentTimeMillis, now -> now > after, T, "the clock past " + after);
            peer.send(bytes("later"), local);
            SessionEvent.Data last = awaitReceived(101).get(100);
            assertEquals("later", text(last.bytes()));
            assertTrue(last.timeMillis() >= later, last.timeMillis() + " earlier than its send at " + later);
        }
    }

    @Test
    void sendsToATargetAndReportsItAsTx() throws Exception {
        open("127.0.0.1");
        try (UdpProbe peer = UdpProbe.bind()) {
            assertTrue(session.send(bytes("ping"), UdpTarget.of(peer.address())));
            UdpProbe.Datagram got = peer.receive(T);
            assertEquals("ping", text(got.bytes()));
            assertEquals(session.localAddress(), got.sender());
            SessionEvent.Data tx = events.await(SessionEvent.Data.class, d -> d.direction() == Direction.TX);
            assertEquals(peer.address(), tx.peer());
            assertEquals(1, counters.txMessages());
            assertEquals(4, counters.txBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void roundTripsWithAPythonEchoPeer(String host) throws Exception {
        assumeTrue(PythonPeer.available(), "python3 not available");
        open(host);
        try (PythonPeer echo = PythonPeer.udpEcho(host)) {
            byte[] gbk = "你好".getBytes("GBK");
            session.send(gbk, new UdpTarget(host, echo.port()));
            SessionEvent.Data back = awaitReceived(1).get(0);
            assertArrayEquals(gbk, back.bytes());
            assertEquals(echo.address(), back.peer());
        }
    }

    @Test
    void theLargestDatagramGoesAndOneByteMoreIsRefused() throws Exception {
        open("127.0.0.1");
        try (UdpProbe peer = UdpProbe.bind()) {
            session.send(new byte[UdpSession.MAX_PAYLOAD + 1], UdpTarget.of(peer.address()));
            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.MESSAGE_TOO_LONG, failure.kind());
            session.send(new byte[UdpSession.MAX_PAYLOAD], UdpTarget.of(peer.address()));
            assertEquals(UdpSession.MAX_PAYLOAD, peer.receive(T).bytes().length);
            events.await(SessionEvent.Data.class, d -> d.direction() == Direction.TX); // counted before reported
            assertEquals(1, counters.txMessages(), "the refused one was never sent");
            assertTrue(session.isOpen(), "a refused send leaves the socket open");
        }
    }

    @Test
    void aConnectedSocketReportsPortUnreachableAndStaysOpen() throws Exception {
        int closed = UdpProbe.closedPort("127.0.0.1");
        start(UdpOptions.bind(InetAddress.getByName("127.0.0.1"), 0).withConnectTo(new UdpTarget("127.0.0.1", closed)));
        SessionEvent.Connected connected = events.await(SessionEvent.Connected.class);
        assertEquals(closed, connected.remote().getPort());

        session.send(bytes("anyone?"), null);
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.PORT_UNREACHABLE, failure.kind());
        assertEquals(connected.remote(), failure.peer());
        assertTrue(session.isOpen());
    }

    @Test
    void aBroadcastAddressGetsSoBroadcastAndIsSent() throws Exception {
        open("127.0.0.1");
        // 127.255.255.255 is loopback's broadcast: the kernel refuses it (EACCES) unless the socket
        // has SO_BROADCAST. Only a socket on the wildcard address could receive it, and tests bind
        // loopback addresses only, so the proof is the send the kernel accepted.
        session.send(bytes("all"), new UdpTarget("127.255.255.255", 9));
        SessionEvent.Data tx = events.await(SessionEvent.Data.class, d -> d.direction() == Direction.TX);
        assertEquals(new InetSocketAddress("127.255.255.255", 9), tx.peer());
        assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> "no failure: " + events.events());
    }

    @Test
    void joiningAGroupOnLoopbackReceivesItsDatagrams() throws Exception {
        InetAddress group = InetAddress.getByName("239.255.77.1");
        // Bound to the group itself: it receives the group's datagrams without listening on any
        // address outside loopback.
        start(UdpOptions.bind(group, 0));
        InetSocketAddress local = events.await(SessionEvent.Opened.class).local();
        String lo = UdpProbe.loopbackInterface().getName();
        session.join(group, lo);
        SessionEvent.MulticastJoined joined = events.await(SessionEvent.MulticastJoined.class);
        assertEquals(group, joined.group());
        assertEquals(lo, joined.interfaceName());
        try (UdpProbe sender = UdpProbe.bind().multicastThroughLoopback()) {
            sender.send(bytes("to the group"), new InetSocketAddress(group, local.getPort()));
            SessionEvent.Data rx = awaitReceived(1).get(0);
            assertEquals("to the group", text(rx.bytes()));
            assertEquals(sender.address(), rx.peer());
        }
        session.leave(group, lo);
        events.await(SessionEvent.MulticastLeft.class);
    }

    @Test
    void anIpv4SocketSaysItCannotReachIpv6() throws Exception {
        open("127.0.0.1");
        session.send(bytes("x"), new UdpTarget("::1", 9));
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.ADDRESS_FAMILY, failure.kind());
        assertEquals(new InetSocketAddress("::1", 9), failure.peer());
        assertTrue(session.isOpen());
    }

    @Test
    void aPortInUseFailsToOpenWithAReason() throws Exception {
        try (UdpProbe taken = UdpProbe.bind()) {
            start(UdpOptions.bind(InetAddress.getByName("127.0.0.1"), taken.port()));
            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.PORT_IN_USE, failure.kind());
            assertTrue(failure.detail().startsWith(taken.address().toString().substring(1)), failure.detail());
            assertEquals(CloseReason.ERROR, events.await(SessionEvent.Closed.class).reason());
            assertFalse(session.isOpen());
            assertFalse(session.send(bytes("x"), new UdpTarget("127.0.0.1", 9)), "nothing to send on");
        }
    }

    @Test
    void closingBeforeRunEndsWithClosedOnly() {
        session = new UdpSession(UdpOptions.bind(InetAddress.getLoopbackAddress(), 0), events, counters);
        session.close();
        worker = new Thread(session::run);
        worker.start();
        assertEquals(CloseReason.LOCAL, events.await(SessionEvent.Closed.class).reason());
        assertEquals(1, events.events().size());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
