package io.socketdeck.core.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.respond.Responder;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.SessionListener;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.text.Language;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PortZeroDatagrams;
import io.socketdeck.testsupport.UdpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One datagram the socket cannot handle must not end it. A datagram from source port 0 (a raw
 * socket can send one) made an echoing or answering socket end: its answer's target was refused
 * and the exception ended the session. Likewise anything a listener threw on one datagram. Now
 * the answer is not sent, a listener's fault is reported, and the socket goes on receiving.
 */
class UnanswerableDatagramTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("unanswerable-datagram-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A socket on loopback that echoes every datagram, started. */
    private UdpSession echoing() {
        Responder responder = new Responder(events);
        responder.setEcho(true);
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), SessionListener.all(List.of(events, responder)),
                new TrafficCounters(), loops.next());
        responder.answerThrough(udp);
        udp.start();
        return udp;
    }

    /** How many datagrams the REPLY_TO_PORT_ZERO rows so far count together. */
    private long portZeroCount() {
        return events.all(SessionEvent.Failure.class).stream()
                .filter(failure -> failure.kind() == FailureKind.REPLY_TO_PORT_ZERO)
                .mapToLong(failure -> Long.parseLong(failure.detail()))
                .sum();
    }

    @Test
    void anEchoingSocketLeavesDatagramsFromPortZeroUnansweredAndGoesOn() throws Exception {
        assumeTrue(PortZeroDatagrams.permitted(), "raw sockets (root) and python3");
        UdpSession udp = echoing();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();

        PortZeroDatagrams.send(address, ascii("from nowhere"), 3);

        SessionEvent.Failure first = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.REPLY_TO_PORT_ZERO, first.kind(), first.toString());
        assertEquals(0, first.peer().getPort());
        assertEquals("1", first.detail(), "the first is told at once, alone");
        Await.until(() -> portZeroCount() == 3, TIMEOUT, () -> "all three told, in " + events.events());
        assertTrue(udp.isOpen(), "the socket is still open");
        try (UdpProbe device = UdpProbe.bind()) {
            device.send(ascii("still there?"), address);
            assertArrayEquals(ascii("still there?"), device.receive(TIMEOUT).bytes(), "and still echoes");
        }
        assertEquals(3, events.all(SessionEvent.Data.class).stream()
                .filter(d -> d.direction() == Direction.RX && d.peer().getPort() == 0).count(), "each shown as received");
    }

    /** The same without a raw socket: the session is asked to answer a sender on port 0, as the responder does. */
    @Test
    void anAnswerToPortZeroIsToldNotThrown() throws Exception {
        UdpSession udp = echoing();
        events.await(SessionEvent.Opened.class);
        SessionEvent.Data request = new SessionEvent.Data(System.currentTimeMillis(), Direction.RX,
                new InetSocketAddress(LOOPBACK, 0), ascii("from nowhere"));
        CompletableFuture<Void> answered = new CompletableFuture<>();
        udp.loop().execute(() -> {
            try {
                udp.reply(request, ascii("answer"));
                answered.complete(null);
            } catch (Throwable thrown) {
                answered.completeExceptionally(thrown);
            }
        });
        answered.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        SessionEvent.Failure told = events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.REPLY_TO_PORT_ZERO, told.kind());
        assertEquals(request.peer(), told.peer());
        assertTrue(udp.isOpen());
    }

    @Test
    void aListenerThatThrowsOnOneDatagramIsToldAndTheSocketGoesOn() throws Exception {
        AtomicBoolean thrown = new AtomicBoolean();
        SessionListener faulty = event -> {
            events.onEvent(event);
            if (event instanceof SessionEvent.Data data && data.direction() == Direction.RX
                    && thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("cannot show it");
            }
        };
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), faulty, new TrafficCounters(), loops.next());
        udp.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (UdpProbe device = UdpProbe.bind()) {
            device.send(new byte[] {1}, address);

            SessionEvent.Failure told = events.await(SessionEvent.Failure.class);
            assertEquals(FailureKind.DATAGRAM_NOT_HANDLED, told.kind(), told.toString());
            assertEquals(device.address(), told.peer());
            assertEquals("1\njava.lang.IllegalStateException: cannot show it", told.detail());

            device.send(new byte[] {2}, address);
            events.await(SessionEvent.Data.class, d -> d.direction() == Direction.RX && d.bytes()[0] == 2);
            assertTrue(udp.isOpen(), "the socket goes on");
            assertTrue(events.all(SessionEvent.Closed.class).isEmpty());
        }
    }

    @Test
    void theRowsSayWhatWasNotAnsweredOrHandledInEitherLanguage() {
        InetSocketAddress portZero = new InetSocketAddress(LOOPBACK, 0);
        InetSocketAddress device = new InetSocketAddress(LOOPBACK, 5020);
        Locale before = Language.current();
        try {
            Language.use(Locale.ENGLISH);
            assertEquals("A datagram from 127.0.0.1:0 was not answered: it came from port 0, which nothing can be"
                    + " sent to (a raw socket made it)",
                    EventTexts.failure(new SessionEvent.Failure(0, FailureKind.REPLY_TO_PORT_ZERO, portZero, "1")));
            assertEquals("1,200 datagrams from 127.0.0.1:0 were not answered: they came from port 0, which nothing"
                    + " can be sent to (a raw socket made them)",
                    EventTexts.failure(new SessionEvent.Failure(0, FailureKind.REPLY_TO_PORT_ZERO, portZero, "1200")));
            assertEquals("A datagram from 127.0.0.1:5020 could not be handled: java.lang.IllegalStateException:"
                    + " cannot show it. The socket goes on receiving",
                    EventTexts.failure(new SessionEvent.Failure(0, FailureKind.DATAGRAM_NOT_HANDLED, device,
                            "1\njava.lang.IllegalStateException: cannot show it")));
            assertEquals("1,200 datagrams could not be handled, the last from 127.0.0.1:5020:"
                    + " java.lang.IllegalStateException: cannot show it. The socket goes on receiving",
                    EventTexts.failure(new SessionEvent.Failure(0, FailureKind.DATAGRAM_NOT_HANDLED, device,
                            "1200\njava.lang.IllegalStateException: cannot show it")));
            Language.use(Locale.SIMPLIFIED_CHINESE);
            String chinese = EventTexts.failure(new SessionEvent.Failure(0, FailureKind.REPLY_TO_PORT_ZERO, portZero,
                    "1200"));
            assertTrue(chinese.contains("127.0.0.1:0") && chinese.contains("1,200"), chinese);
            chinese = EventTexts.failure(new SessionEvent.Failure(0, FailureKind.DATAGRAM_NOT_HANDLED, device,
                    "1\njava.lang.IllegalStateException: cannot show it"));
            assertTrue(chinese.contains("127.0.0.1:5020") && chinese.contains("cannot show it"), chinese);
        } finally {
            Language.use(before);
        }
    }
}
