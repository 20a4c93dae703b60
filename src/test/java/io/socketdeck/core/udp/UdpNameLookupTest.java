package io.socketdeck.core.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.io.SelectorLoop;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SendTarget;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.HeldLookups;
import io.socketdeck.testsupport.UdpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A UDP send or connect to a host name looks the name up off the I/O loop: a lookup that takes
 * seconds (a slow or silent DNS server) stalls no other session on the loop, and what waits for
 * it is sent after it, in order, or refused beyond a bound. The lookups are {@link HeldLookups},
 * answered when the test says: no DNS is asked.
 */
class UdpNameLookupTest {

    private static final Duration T = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String SLOW = "slow.lookup.test";

    private final LoopGroup group = new LoopGroup(1, LoopGroup.daemonThreads("udp-lookup-test"));
    private final SelectorLoop loop = group.next();
    private final HeldLookups names = new HeldLookups();

    @AfterEach
    void closeGroup() throws InterruptedException {
        names.failAll(); // before the fix a lookup holds the loop itself: let it go so the loop can end
        group.close();
        assertTrue(group.awaitTermination(T), "the loop thread ends");
    }

    private UdpSession open(UdpOptions options, RecordingListener events, boolean heldLookups) {
        UdpSession session = new UdpSession(options, events, new TrafficCounters(), loop);
        if (heldLookups) {
            session.nameService(names);
        }
        session.start();
        return session;
    }

    /** Another session on the same loop, receiving: the proof that the loop is not stalled. */
    private InetSocketAddress openBystander(RecordingListener events) {
        open(UdpOptions.bind(LOOPBACK, 0), events, false);
        return events.await(SessionEvent.Opened.class).local();
    }

    private static void awaitReceived(RecordingListener events, String text) {
        events.await(SessionEvent.Data.class, d -> d.direction() == Direction.RX && text(d.bytes()).equals(text));
    }

    private static List<String> sent(RecordingListener events) {
        return events.all(SessionEvent.Data.class).stream().filter(d -> d.direction() == Direction.TX)
                .map(d -> text(d.bytes())).toList();
    }

    @Test
    void aSlowLookupStallsNoOtherSessionOnTheLoopAndWhatWaitsForItGoesAfterItInOrder() throws Exception {
        RecordingListener bystanderEvents = new RecordingListener();
        InetSocketAddress bystander = openBystander(bystanderEvents);
        RecordingListener events = new RecordingListener();
        UdpSession session = open(UdpOptions.bind(LOOPBACK, 0), events, true);
        events.await(SessionEvent.Opened.class);
        try (UdpProbe peer = UdpProbe.bind(); UdpProbe other = UdpProbe.bind()) {
            session.send(bytes("literal before"), UdpTarget.of(peer.address()));
            assertEquals("literal before", text(peer.receive(T).bytes()), "a literal goes at once, no lookup");

            session.send(bytes("first"), new UdpTarget(SLOW, peer.port()));
            session.send(bytes("second"), UdpTarget.of(peer.address())); // a literal, behind the name: waits too
            names.awaitAsked(SLOW, 1, T);

            other.send(bytes("meanwhile"), bystander);
            awaitReceived(bystanderEvents, "meanwhile"); // while the lookup still waits
            assertEquals(1, names.unanswered(SLOW), "the lookup was still unanswered");
            assertEquals(List.of("literal before"), sent(events), "nothing goes before the name's address is known");

            names.answer(SLOW, LOOPBACK);
            assertEquals("first", text(peer.receive(T).bytes()));
            assertEquals("second", text(peer.receive(T).bytes()));
            Await.until(() -> sent(events).size() == 3, T, () -> "three sent: " + events.events());
            assertEquals(List.of("literal before", "first", "second"), sent(events));
            assertEquals(List.of(SLOW), names.hostsAsked(), "one lookup, of the name only");
            assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> "no failure: " + events.events());
        }
    }

    @Test
    void sendsWaitingForALookupAreBoundedAndAFailedLookupIsOneUnknownHost() throws Exception {
        RecordingListener bystanderEvents = new RecordingListener();
        InetSocketAddress bystander = openBystander(bystanderEvents);
        RecordingListener events = new RecordingListener();
        UdpSession session = open(UdpOptions.bind(LOOPBACK, 0), events, true);
        events.await(SessionEvent.Opened.class);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        SendTarget.SendCompletion done = ok -> (ok ? written : dropped).incrementAndGet();
        try (UdpProbe peer = UdpProbe.bind(); UdpProbe other = UdpProbe.bind()) {
            // A repeat at 1 ms to a name whose lookup takes seconds: it may not pile up without bound.
            SendTarget toSlow = session.target(new UdpTarget(SLOW, peer.port()));
            for (int i = 0; i < UdpEndpoint.MAX_WAITING_FOR_LOOKUP - 1; i++) {
                toSlow.send(bytes("to the name " + i), done);
            }
            session.target(UdpTarget.of(peer.address())).send(bytes("after"), done); // the last that may wait
            toSlow.send(bytes("one too many"), done);
            SessionEvent.Failure refused = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.SEND_BUFFER_FULL, refused.kind());
            assertEquals(InetSocketAddress.createUnresolved(SLOW, peer.port()), refused.peer());
            // The refusal is told, then its sender: wait for the sender's end state, not the event's.
            Await.until(() -> dropped.get() == 1, T, () -> dropped.get() + " sends told they were dropped");
            other.send(bytes("meanwhile"), bystander);
            awaitReceived(bystanderEvents, "meanwhile");
            assertEquals(1, dropped.get(), "only the send beyond the bound is refused at once");

            names.fail(SLOW);
            assertEquals("after", text(peer.receive(T).bytes()), "a send behind the failed name still goes");
            Await.until(() -> dropped.get() == UdpEndpoint.MAX_WAITING_FOR_LOOKUP && written.get() == 1, T,
                    () -> dropped.get() + " sends told they were dropped, " + written.get() + " written");
            List<SessionEvent.Failure> failures = events.all(SessionEvent.Failure.class);
            assertEquals(2, failures.size(), () -> "the refusal and one unknown host for all that waited: " + failures);
            assertEquals(FailureKind.UNKNOWN_HOST, failures.get(1).kind());
            assertEquals(SLOW, failures.get(1).detail());
            assertEquals(List.of("after"), sent(events));
            assertEquals(1, names.asked(SLOW), "one lookup for all the sends to the name");
            assertTrue(session.isOpen());
        }
    }

    /**
     * A lookup may be answered before the session attaches to its answer (the JDK's cache, a
     * lookup thread quicker than the loop): the answer then comes on the loop thread at once.
     */
    @Test
    void aLookupAnsweredAtOnceSendsAtOnceAndInOrder() throws Exception {
        RecordingListener events = new RecordingListener();
        UdpSession session = new UdpSession(UdpOptions.bind(LOOPBACK, 0), events, new TrafficCounters(), loop);
        session.nameService(host -> CompletableFuture.completedFuture(new InetAddress[] {LOOPBACK}));
        session.start();
        events.await(SessionEvent.Opened.class);
        try (UdpProbe peer = UdpProbe.bind()) {
            session.send(bytes("first"), new UdpTarget(SLOW, peer.port()));
            session.send(bytes("second"), new UdpTarget("other." + SLOW, peer.port()));
            assertEquals("first", text(peer.receive(T).bytes()));
            assertEquals("second", text(peer.receive(T).bytes()));
            assertTrue(events.all(SessionEvent.Failure.class).isEmpty(), () -> "no failure: " + events.events());
            assertTrue(session.isOpen());
        }
    }

    @Test
    void openingConnectedToANameStallsNoOtherSessionOnTheLoop() throws Exception {
        RecordingListener bystanderEvents = new RecordingListener();
        InetSocketAddress bystander = openBystander(bystanderEvents);
        RecordingListener events = new RecordingListener();
        try (UdpProbe peer = UdpProbe.bind(); UdpProbe other = UdpProbe.bind()) {
            UdpSession session = open(UdpOptions.bind(LOOPBACK, 0).withConnectTo(new UdpTarget(SLOW, peer.port())),
                    events, true);
            names.awaitAsked(SLOW, 1, T);
            other.send(bytes("meanwhile"), bystander);
            awaitReceived(bystanderEvents, "meanwhile");
            assertTrue(events.events().isEmpty(), () -> "not open before the answer: " + events.events());

            names.answer(SLOW, LOOPBACK);
            assertEquals(peer.address(), events.await(SessionEvent.Connected.class).remote());
            assertTrue(session.send(bytes("connected"), null));
            assertEquals("connected", text(peer.receive(T).bytes()));
        }
    }

    @Test
    void openingConnectedToANameThatDoesNotExistFailsWithUnknownHost() {
        RecordingListener events = new RecordingListener();
        open(UdpOptions.bind(LOOPBACK, 0).withConnectTo(new UdpTarget(SLOW, 9)), events, true);
        names.awaitAsked(SLOW, 1, T);
        names.fail(SLOW);
        SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.UNKNOWN_HOST, failure.kind());
        assertEquals(SLOW, failure.detail());
        events.awaitClosed();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
