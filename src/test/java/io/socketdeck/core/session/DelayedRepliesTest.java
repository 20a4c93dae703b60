package io.socketdeck.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.respond.Responder;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.respond.RuleSet;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.tcp.TcpClientOptions;
import io.socketdeck.core.tcp.TcpClientSession;
import io.socketdeck.core.tcp.TcpServerOptions;
import io.socketdeck.core.tcp.TcpServerSession;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.text.Language;
import io.socketdeck.core.udp.UdpOptions;
import io.socketdeck.core.udp.UdpSession;
import io.socketdeck.testsupport.Blocking;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer flooding a rule that answers after a delay, on real loopback sockets: no more replies
 * wait than the session's limits allow, those within them still go after their delay, the rest
 * are said in one event with their count, and the connection stays open. Small limits stand for
 * the session's own 10,000 replies or 16 MiB, so a burst of a few messages is a flood.
 */
class DelayedRepliesTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long DELAY_MILLIS = 300;
    private static final byte[] REPLY = ascii("A");

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("delayed-replies-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Answers every message starting with Q with "A" after {@code delayMillis}; reports into {@code events}. */
    private Responder responder(long delayMillis) {
        Responder responder = new Responder(events, () -> StandardCharsets.US_ASCII, () -> 0);
        responder.setRules(RuleSet.of(List.of(new Rule(true, Rule.Match.STARTS_WITH, "Q",
                QuickCommand.text("answer", "A"), delayMillis))), true);
        return responder;
    }

    private SessionListener chain(Responder responder) {
        return SessionListener.all(List.of(events, responder));
    }

    /** The replies waiting in {@code session}, read on its loop, the one thread that changes them. */
    private static int waiting(AbstractLoopSession session) throws Exception {
        CompletableFuture<Integer> count = new CompletableFuture<>();
        session.loop().execute(() -> count.complete(session.delayedRepliesWaiting()));
        return count.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private SessionEvent.Failure awaitNotSent() {
        return events.await(SessionEvent.Failure.class, f -> f.kind() == FailureKind.DELAYED_REPLIES_FULL);
    }

    private long sentCount() {
        return events.all(SessionEvent.Data.class).stream().filter(d -> d.direction() == Direction.TX).count();
    }

    private static long cost(int replies) {
        return replies * (DelayedReplies.ENTRY_OVERHEAD + (long) REPLY.length);
    }

    @Test
    void aServerFloodedWithRequestsKeepsAtMostTheLimitWaitingAndSaysHowManyWentUnanswered() throws Exception {
        Responder responder = responder(DELAY_MILLIS);
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), chain(responder),
                new TrafficCounters(), loops.next());
        ((AbstractLoopSession) server).limitDelayedReplies(new DelayedReplies.Limits(5, 1 << 20));
        server.setFraming(new Framing.Delimiter(ascii("\n"), true));
        responder.answerThrough(server);
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe peer = TcpProbe.connect(address)) {
            // One write, one read on the server: all 20 are framed and answered in one turn of the
            // loop, before any delay can have passed.
            long sentAt = System.nanoTime();
            peer.send(ascii("Q\n".repeat(20)));

            byte[] answers = peer.readExactly(5 * REPLY.length, TIMEOUT);
            long tookNanos = System.nanoTime() - sentAt;
            assertArrayEquals(ascii("AAAAA"), answers);
            assertTrue(tookNanos >= TimeUnit.MILLISECONDS.toNanos(DELAY_MILLIS), "after their delay: " + tookNanos);

            SessionEvent.Failure notSent = awaitNotSent();
            assertEquals(List.of("15", "5", Long.toString(cost(5))), List.of(notSent.detail().split("\n")),
                    "15 not sent, with 5 replies waiting when the first was refused");
            assertEquals(peer.localAddress(), notSent.peer());
            assertEquals(1, events.all(SessionEvent.Failure.class).size(), "one event for the burst: " + events.events());
            assertEquals(0, waiting(server), "every waiting reply went, and gave its room back");
            assertEquals(5, sentCount(), "only the replies within the limit were sent");

            // The connection is still open, and the room is back: the next requests are answered.
            peer.send(ascii("Q\nQ\nQ\n"));
            assertArrayEquals(ascii("AAA"), peer.readExactly(3, TIMEOUT));
            assertTrue(events.all(SessionEvent.Disconnected.class).isEmpty(), "not disconnected: " + events.events());
        } finally {
            server.close();
        }
        events.awaitClosed();
    }

    @Test
    void aUdpSocketStopsAtItsBytesLimit() throws Exception {
        Responder responder = responder(DELAY_MILLIS);
        UdpSession udp = new UdpSession(UdpOptions.bind(LOOPBACK, 0), chain(responder), new TrafficCounters(),
                loops.next());
        // Room for three replies' bytes and overhead, not four; the count limit is far away.
        ((AbstractLoopSession) udp).limitDelayedReplies(new DelayedReplies.Limits(1000, cost(4) - 1));
        responder.answerThrough(udp);
        udp.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (UdpProbe peer = UdpProbe.bind()) {
            for (int i = 0; i < 8; i++) {
                peer.send(ascii("Q" + i), address);
            }
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(REPLY, peer.receive(TIMEOUT).bytes());
            }
            SessionEvent.Failure notSent = awaitNotSent();
            assertEquals(List.of("5", "3", Long.toString(cost(3))), List.of(notSent.detail().split("\n")));
            assertEquals(0, waiting(udp));
            assertEquals(3, sentCount());
        } finally {
            udp.close();
        }
        events.awaitClosed();
    }

    @Test
    void theRowSaysHowManyInWordsThatAgreeWithTheCount() {
        InetSocketAddress peer = new InetSocketAddress(LOOPBACK, 7000);
        SessionEvent.Data request = new SessionEvent.Data(0, Direction.RX, peer, ascii("Q"));
        DelayedReplies replies = new DelayedReplies(new DelayedReplies.Limits(1, 1 << 20));
        assertTrue(replies.take(REPLY.length, request));
        assertFalse(replies.take(REPLY.length, request));
        SessionEvent.Failure one = replies.report(1, 0);
        for (int i = 0; i < 1234; i++) {
            replies.take(REPLY.length, request);
        }
        SessionEvent.Failure many = replies.report(1234, 0);
        assertEquals(null, replies.report(1234, 0), "said once");
        Locale before = Language.current();
        try {
            Language.use(Locale.ENGLISH);
            assertEquals("1 automatic reply not sent, the first to 127.0.0.1:7000: 1 reply (257 bytes with their "
                    + "bookkeeping) already waited for their delay, the most allowed", EventTexts.failure(one));
            assertTrue(EventTexts.failure(many).startsWith("1,234 automatic replies not sent, the first to"),
                    EventTexts.failure(many));
            Language.use(Locale.SIMPLIFIED_CHINESE);
            assertTrue(EventTexts.failure(many).startsWith("1,234 条自动应答未发送"), EventTexts.failure(many));
        } finally {
            Language.use(before);
        }
    }

    @Test
    void repliesNotSentYetUnreportedAreSaidBeforeTheSessionCloses() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK)) {
            // The longest delay: the one reply that waits never goes, and the report's second
            // never passes; closing says it anyway.
            Responder responder = responder(Rule.MAX_DELAY_MILLIS);
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of(LOOPBACK.getHostAddress(),
                    listener.getLocalPort()), chain(responder), new TrafficCounters(), loops.next());
            ((AbstractLoopSession) client).limitDelayedReplies(new DelayedReplies.Limits(1, 1 << 20));
            client.setFraming(new Framing.Delimiter(ascii("\n"), true));
            responder.answerThrough(client);
            client.start();
            try (Socket device = Blocking.accept(listener)) {
                device.getOutputStream().write(ascii("Q\nQ\nQ\n"));
                // The responder answers in the same dispatch as the recorder's third RX, and the
                // close below runs on the loop after it.
                events.awaitBytes(Direction.RX, 6);
                assertEquals(1, waiting(client));
                client.close();
                events.awaitClosed();
                List<SessionEvent> all = events.events();
                SessionEvent.Failure notSent = awaitNotSent();
                assertEquals("2", notSent.detail().split("\n")[0]);
                assertTrue(all.indexOf(notSent) < all.size() - 1, "before Closed");
                InputStream in = device.getInputStream();
                assertEquals(-1, in.read(), "the waiting reply was dropped with the session");
            }
        }
    }
}
