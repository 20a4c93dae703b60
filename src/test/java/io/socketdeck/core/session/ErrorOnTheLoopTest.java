package io.socketdeck.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} on a loop (seen in the wild: a NoClassDefFoundError when file descriptors ran
 * out while classes were still loading) ends the session it hit, with a Failure naming it and
 * Closed(ERROR), instead of killing the loop thread and leaving every window on it stuck.
 */
class ErrorOnTheLoopTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopGroup group = new LoopGroup(1, LoopGroup.daemonThreads("error-on-the-loop-test"));
    private final SelectorLoop loop = group.next();
    private final RecordingListener events = new RecordingListener();
    private final RecordingListener bystander = new RecordingListener();

    @AfterEach
    void closeGroup() throws InterruptedException {
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT));
    }

    /** Records every event, then throws once on the first event {@code when} picks. */
    private SessionListener throwingOnce(Predicate<SessionEvent> when, Supplier<Error> error) {
        AtomicBoolean thrown = new AtomicBoolean();
        return event -> {
            events.onEvent(event);
            if (when.test(event) && thrown.compareAndSet(false, true)) {
                throw error.get();
            }
        };
    }

    /** A UDP socket on the same loop, to show the loop still serves others afterwards. */
    private InetSocketAddress startBystander() {
        new UdpSession(UdpOptions.bind(LOOPBACK, 0), bystander, new TrafficCounters(), loop).start();
        return bystander.await(SessionEvent.Opened.class).local();
    }

    private void assertTheLoopStillServes(InetSocketAddress bystanderAddress) throws Exception {
        try (UdpProbe probe = UdpProbe.bind()) {
            probe.send(new byte[] {7}, bystanderAddress);
            assertArrayEquals(new byte[] {7}, bystander.awaitBytes(Direction.RX, 1));
        }
        RecordingListener fresh = new RecordingListener();
        new UdpSession(UdpOptions.bind(LOOPBACK, 0), fresh, new TrafficCounters(), loop).start();
        fresh.await(SessionEvent.Opened.class);
    }

    @Test
    void anErrorWhileHandlingOneClientEndsThatClientAndItsServer() throws Exception {
        InetSocketAddress bystanderAddress = startBystander();
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0),
                throwingOnce(event -> event instanceof SessionEvent.Data,
                        () -> new AssertionError("a class that could not be loaded")),
                new TrafficCounters(), loop);
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe hit = TcpProbe.connect(address); TcpProbe other = TcpProbe.connect(address)) {
            events.await(SessionEvent.Connected.class, c -> c.remote().equals(other.localAddress()));
            hit.send("x");

            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals("java.lang.AssertionError: a class that could not be loaded", failure.detail());
            assertEquals(hit.localAddress(), failure.peer());
            assertEquals(CloseReason.ERROR, events.await(SessionEvent.Disconnected.class,
                    d -> d.remote().equals(hit.localAddress())).reason());
            assertEquals(CloseReason.SERVER_STOPPED, events.await(SessionEvent.Disconnected.class,
                    d -> d.remote().equals(other.localAddress())).reason());
            assertEquals(CloseReason.ERROR, events.awaitClosed().reason());
            assertFalse(server.isOpen());
            assertTrue(other.awaitClosedByPeer(TIMEOUT));
        }
        try (ServerSocket again = new ServerSocket(address.getPort(), 1, LOOPBACK)) {
            assertEquals(address.getPort(), again.getLocalPort(), "the listening socket was released");
        }
        assertTheLoopStillServes(bystanderAddress);
    }

    /**
     * A connection's timer (here the idle gap that ends a frame) throwing, through the listener
     * of the event it makes, is handled as a throw while reading: a Failure naming it, that
     * connection closed, and for an Error its server too. The loop would only have logged it and
     * left the client connected, with no event.
     */
    @Test
    void aThrowFromAConnectionsTimerIsHandledAsOneWhileReading() throws Exception {
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0),
                throwingOnce(event -> event instanceof SessionEvent.Data,
                        () -> new AssertionError("a listener that throws")),
                new TrafficCounters(), loop);
        server.setFraming(new Framing.IdleGap(20)); // the frame is made by the gap's timer, not by the read
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe hit = TcpProbe.connect(address)) {
            hit.send("x");
            SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
            assertEquals("java.lang.AssertionError: a listener that throws", failure.detail());
            assertEquals(hit.localAddress(), failure.peer());
            assertEquals(CloseReason.ERROR, events.await(SessionEvent.Disconnected.class,
                    d -> d.remote().equals(hit.localAddress())).reason());
            assertTrue(hit.awaitClosedByPeer(TIMEOUT));
            assertEquals(CloseReason.ERROR, events.awaitClosed().reason());
            assertFalse(server.isOpen());
        }
    }

    @Test
    void anErrorOnADatagramEndsTheUdpSession() throws Exception {
        InetSocketAddress bystanderAddress = startBystander();
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0),
                throwingOnce(event -> event instanceof SessionEvent.Data,
                        () -> new NoClassDefFoundError("io/socketdeck/ui/Row (Too many open files)")),
                new TrafficCounters(), loop);
        udp.start();
        try (UdpProbe probe = UdpProbe.bind()) {
            probe.send(new byte[] {1}, events.await(SessionEvent.Opened.class).local());
            assertEquals("java.lang.NoClassDefFoundError: io/socketdeck/ui/Row (Too many open files)",
                    events.await(SessionEvent.Failure.class).detail());
            assertEquals(CloseReason.ERROR, events.awaitClosed().reason());
            assertFalse(udp.isOpen());
        }
        assertTheLoopStillServes(bystanderAddress);
    }

    @Test
    void anErrorWhileOpeningEndsTheSessionAndFreesWhatItOpened() throws Exception {
        InetSocketAddress bystanderAddress = startBystander();
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0),
                throwingOnce(SessionEvent.Opened.class::isInstance, () -> new LinkageError("half-loaded")),
                new TrafficCounters(), loop);
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        assertEquals("java.lang.LinkageError: half-loaded", events.await(SessionEvent.Failure.class).detail());
        assertEquals(CloseReason.ERROR, events.awaitClosed().reason());
        try (ServerSocket again = new ServerSocket(address.getPort(), 1, LOOPBACK)) {
            assertEquals(address.getPort(), again.getLocalPort());
        }
        assertTheLoopStillServes(bystanderAddress);
    }
}
