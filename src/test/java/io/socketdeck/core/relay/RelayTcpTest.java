package io.socketdeck.core.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.RelayFault;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.ClosedPort;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A TCP relay between real loopback peers: forwarding, half-close, resets, failures, hold, inject. */
class RelayTcpTest {

    private final RelayHarness harness = new RelayHarness(true);

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] readExactly(InputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        assertEquals(count, bytes.length, "bytes before the end of stream");
        return bytes;
    }

    @Test
    void bytesGoBothWaysAndAreReportedPerLeg() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            SessionEvent.Linked linked = harness.events.await(SessionEvent.Linked.class);
            assertEquals(harness.targetAddress(), linked.target());
            client.getOutputStream().write(ascii("ping"));
            assertArrayEquals(ascii("ping"), readExactly(target.getInputStream(), 4));
            target.getOutputStream().write(ascii("pong!"));
            assertArrayEquals(ascii("pong!"), readExactly(client.getInputStream(), 5));

            SessionEvent.Relayed up = harness.events.await(SessionEvent.Relayed.class, r -> r.leg() == Leg.UP);
            assertEquals(linked.connection(), up.connection());
            assertEquals(client.getLocalSocketAddress(), up.from());
            assertEquals(harness.targetAddress(), up.to());
            SessionEvent.Relayed down = harness.events.await(SessionEvent.Relayed.class, r -> r.leg() == Leg.DOWN);
            assertEquals(harness.targetAddress(), down.from());
            Await.until(() -> relay.upBytes() == 4 && relay.downBytes() == 5, RelayHarness.TIMEOUT, "counted");
            Await.until(() -> harness.counters.rxBytes() == 9 && harness.counters.txBytes() == 9,
                    RelayHarness.TIMEOUT, "every byte counted once read and once written");
            RelayConnection row = relay.connections().get(0);
            assertEquals(RelayConnectionState.OPEN, row.state());
            assertEquals(4, row.upBytes());
            assertEquals(5, row.downBytes());
        }
    }

    @Test
    @SuppressWarnings("try") // the target is closed early on purpose: its FIN is what is tested
    void aFinTravelsOneWayWhileTheOtherWayKeepsFlowing() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            client.getOutputStream().write(ascii("request"));
            client.shutdownOutput();
            assertArrayEquals(ascii("request"), readExactly(target.getInputStream(), 7));
            assertEquals(-1, target.getInputStream().read(), "the client's FIN reached the target");
            SessionEvent.PeerFinished finished = harness.events.await(SessionEvent.PeerFinished.class);
            assertEquals(client.getLocalSocketAddress(), finished.remote());
            Await.until(() -> relay.connections().get(0).state() == RelayConnectionState.HALF_CLOSED,
                    RelayHarness.TIMEOUT, "half-closed");

            target.getOutputStream().write(ascii("answer after the FIN"));
            assertArrayEquals(ascii("answer after the FIN"), readExactly(client.getInputStream(), 20));
            target.close();
            assertEquals(-1, client.getInputStream().read(), "the target's FIN reached the client");
            assertEquals(CloseReason.PEER, harness.events.await(SessionEvent.Disconnected.class).reason());
            Await.until(() -> relay.connectionCount() == 0, RelayHarness.TIMEOUT, "gone from the table");
        }
    }

    @Test
    void aRequestSentAndShutBeforeTheTargetAnswersIsDeliveredThenFinished() throws Exception {
        harness.target();
        // A name, not a literal: the lookup runs off the loop, so the FIN usually comes before the link.
        harness.start(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK, 0, "localhost",
                harness.target.getLocalPort()));
        try (Socket client = harness.connect()) {
            client.getOutputStream().write(ascii("request"));
            client.shutdownOutput();
            try (Socket target = harness.accept()) {
                assertArrayEquals(ascii("request"), readExactly(target.getInputStream(), 7));
                assertEquals(-1, target.getInputStream().read());
                target.getOutputStream().write(ascii("answer"));
                assertArrayEquals(ascii("answer"), readExactly(client.getInputStream(), 6));
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the target is closed early on purpose: its RST is what is tested
    void aResetTravelsAsAReset() throws Exception {
        harness.target();
        harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            harness.events.await(SessionEvent.Linked.class);
            target.setSoLinger(true, 0);
            target.close();
            assertThrows(SocketException.class, () -> client.getInputStream().read(), "reset");
            assertEquals(CloseReason.RESET, harness.events.await(SessionEvent.Disconnected.class).reason());
        }
    }

    @Test
    void aRefusingTargetClosesTheClientWithAnEventAndTheRelayListensOn() throws Exception {
        int closed = ClosedPort.find();
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                closed));
        try (Socket client = harness.connect()) {
            assertEquals(-1, client.getInputStream().read(), "closed with a FIN");
        }
        SessionEvent.Failure failure = harness.events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.CONNECTION_REFUSED, failure.kind());
        assertEquals(closed, failure.peer().getPort());
        assertEquals(CloseReason.ERROR, harness.events.await(SessionEvent.Disconnected.class).reason());
        assertTrue(relay.isOpen(), "still listening");
        try (Socket again = harness.connect()) {
            assertEquals(-1, again.getInputStream().read(), "a second client is served the same way");
        }
    }

    @Test
    void aRefusingTargetCanResetTheClient() throws Exception {
        harness.start(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK, 0, "127.0.0.1", ClosedPort.find())
                .withOnTargetFailure(TargetFailureAction.RESET));
        // The reset may come so soon that the client's connect call already sees it.
        assertThrows(SocketException.class, () -> {
            try (Socket client = harness.connect()) {
                client.getInputStream().read();
            }
        }, "reset");
        harness.events.await(SessionEvent.Disconnected.class);
    }

    @Test
    void anUnknownTargetHostIsAnEventAboutTheClient() throws Exception {
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK, 0,
                "no-such-host.invalid", 80));
        try (Socket client = harness.connect()) {
            assertEquals(-1, client.getInputStream().read());
        }
        SessionEvent.Failure failure = harness.events.await(SessionEvent.Failure.class);
        assertEquals(FailureKind.UNKNOWN_HOST, failure.kind());
        assertEquals("no-such-host.invalid", failure.detail());
        assertTrue(relay.isOpen());
    }

    @Test
    void aPortInUseFailsTheRelayWithAnEvent() throws Exception {
        harness.target();
        RelaySession first = harness.startTcp();
        RelayHarness second = new RelayHarness(true);
        try (second) {
            RelaySession relay = new RelaySession(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK,
                    first.localAddress().getPort(), "127.0.0.1", 80), second.events, second.counters,
                    second.loops.next());
            relay.start();
            assertEquals(FailureKind.PORT_IN_USE, second.events.await(SessionEvent.Failure.class).kind());
            assertEquals(CloseReason.ERROR, second.events.awaitClosed().reason());
        }
    }

    @Test
    void aConnectionWhoseHandlingThrowsEndsWithAFailureAndTheRelayServesTheOthers() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        // java.util.regex recurses once per repetition of (a|b): a long read of a's overflows the stack.
        String pattern = "(a|b)*";
        relay.setFaults(Leg.UP, LegFaults.NONE.withRewrites(List.of(
                new RewriteRule(RewriteRule.Kind.REGEX, pattern, "x", StandardCharsets.US_ASCII))));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Socket other = harness.connect(); Socket otherTarget = harness.accept();
             Socket client = harness.connect(); Socket target = harness.accept()) {
            long id = harness.events.await(SessionEvent.Linked.class,
                    l -> l.client().equals(client.getLocalSocketAddress())).connection();
            // Written apart: the relay resets the client while it may still be writing.
            writer.execute(() -> {
                try {
                    client.getOutputStream().write(ascii("a".repeat(256 * 1024)));
                } catch (IOException expected) {
                    // reset by the relay
                }
            });

            SessionEvent.Failure failure = harness.events.await(SessionEvent.Failure.class, f -> f.connection() == id);
            assertEquals(FailureKind.IO, failure.kind());
            assertEquals(client.getLocalSocketAddress(), failure.peer());
            assertTrue(failure.detail().contains("overflowed the stack"), failure.detail());
            SessionEvent.Disconnected gone = harness.events.await(SessionEvent.Disconnected.class,
                    d -> d.connection() == id);
            assertEquals(CloseReason.ERROR, gone.reason());
            assertReset(target, "the target side is closed too");
            assertReset(client, "the client side");
            Await.until(() -> relay.connections().stream().noneMatch(c -> c.id() == id), RelayHarness.TIMEOUT,
                    "gone from the table");

            assertTrue(relay.isOpen(), "the relay goes on");
            other.getOutputStream().write(ascii("ab-ab"));
            byte[] rewritten = ascii("ab-ab".replaceAll(pattern, "x"));
            assertArrayEquals(rewritten, readExactly(otherTarget.getInputStream(), rewritten.length));
            try (Socket next = harness.connect(); Socket nextTarget = harness.accept()) {
                nextTarget.getOutputStream().write(ascii("new"));
                assertArrayEquals(ascii("new"), readExactly(next.getInputStream(), 3));
            }
            assertEquals(List.of(), harness.events.all(SessionEvent.Closed.class));
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void anErrorWhileRelayingEndsTheConnectionThenTheRelay() throws Exception {
        harness.target();
        RelaySession relay = new RelaySession(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                harness.target.getLocalPort()), event -> {
                    if (event instanceof SessionEvent.Relayed) {
                        throw new NoClassDefFoundError("a class that did not load, as a listener may meet one");
                    }
                    harness.events.onEvent(event);
                }, harness.counters, harness.loops.next());
        harness.relay = relay;
        relay.start();
        harness.events.await(SessionEvent.Opened.class);
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            long id = harness.events.await(SessionEvent.Linked.class).connection();
            client.getOutputStream().write(ascii("boom"));
            SessionEvent.Failure failure = harness.events.await(SessionEvent.Failure.class);
            assertEquals(id, failure.connection());
            assertTrue(failure.detail().contains("NoClassDefFoundError"), failure.detail());
            assertEquals(CloseReason.ERROR, harness.events.await(SessionEvent.Disconnected.class).reason());
            assertEquals(CloseReason.ERROR, harness.events.awaitClosed().reason());
            assertReset(target, "the target side");
        }
    }

    /** The relay reset the socket: neither a FIN nor a timeout will do. */
    private static void assertReset(Socket socket, String what) throws IOException {
        try {
            while (socket.getInputStream().read() >= 0) {
                // bytes relayed before the reset, if any
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(what + ": still open", e);
        } catch (SocketException reset) {
            return;
        }
        throw new AssertionError(what + ": a FIN, not a reset");
    }

    @Test
    void holdQueuesBytesUntilReleased() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            harness.events.await(SessionEvent.Linked.class);
            relay.hold(true);
            harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.HELD);
            client.getOutputStream().write(ascii("held"));
            Await.until(() -> relay.heldBytes() == 4, RelayHarness.TIMEOUT, "4 bytes held");
            assertEquals(RelayConnectionState.HELD, relay.connections().get(0).state());
            assertEquals(0, target.getInputStream().available(), "nothing forwarded while held");
            relay.hold(false);
            assertArrayEquals(ascii("held"), readExactly(target.getInputStream(), 4));
            SessionEvent.FaultInjected released = harness.events.await(SessionEvent.FaultInjected.class,
                    f -> f.what() == RelayFault.RELEASED);
            assertEquals("4", released.detail());
            Await.until(() -> relay.heldBytes() == 0, RelayHarness.TIMEOUT, "nothing held");
        }
    }

    @Test
    void heldOneByteReadsCountTheirOverheadAndTheLegStopsReading() throws Exception {
        harness.target();
        int fits = 10;
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                harness.target.getLocalPort()).withBufferBytes(fits * (1 + LegPipe.CHUNK_OVERHEAD)));
        try (Socket client = harness.connect(); Socket target = harness.accept();
             Socket other = harness.connect(); Socket otherTarget = harness.accept()) {
            Await.until(() -> harness.events.all(SessionEvent.Linked.class).size() == 2, RelayHarness.TIMEOUT,
                    "both linked");
            relay.hold(true);
            harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.HELD);
            for (int i = 0; i < fits; i++) {
                client.getOutputStream().write(i); // each a read of its own: the relay has it before the next
                long read = i + 1;
                Await.until(() -> relay.upBytes() == read, RelayHarness.TIMEOUT, read + " bytes read");
            }
            // The leg is full: ten chunks of one byte cost 730. A byte on another connection, read
            // after the client's next one was there, shows the relay no longer reads the client.
            client.getOutputStream().write(fits);
            other.getOutputStream().write(99);
            Await.until(() -> relay.connections().stream().anyMatch(c -> c.client().equals(other.getLocalSocketAddress())
                    && c.upBytes() == 1), RelayHarness.TIMEOUT, "the other's byte read");
            RelayUdpTest.loopTurnOver(relay);
            assertEquals(fits + 1, relay.upBytes(), "the client's eleventh byte waits in its socket");
            assertEquals(fits + 1, relay.heldBytes());
            relay.hold(false);
            byte[] expected = new byte[fits + 1];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (byte) i;
            }
            assertArrayEquals(expected, readExactly(target.getInputStream(), expected.length));
            assertEquals(99, otherTarget.getInputStream().read());
        }
    }

    @Test
    void injectedBytesGoIntoEitherLeg() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            long id = harness.events.await(SessionEvent.Linked.class).connection();
            assertTrue(relay.inject(id, Leg.DOWN, ascii("to the client")));
            assertArrayEquals(ascii("to the client"), readExactly(client.getInputStream(), 13));
            assertTrue(relay.inject(id, Leg.UP, ascii("to the target")));
            assertArrayEquals(ascii("to the target"), readExactly(target.getInputStream(), 13));
            SessionEvent.Relayed injected = harness.events.await(SessionEvent.Relayed.class, SessionEvent.Relayed::injected);
            assertEquals(Leg.DOWN, injected.leg());
            relay.inject(id + 1000, Leg.UP, ascii("nobody"));
            assertEquals(FailureKind.NOT_CONNECTED, harness.events.await(SessionEvent.Failure.class).kind());
        }
    }

    @Test
    void theSendToolsTargetInjectsAndCompletes() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            long id = harness.events.await(SessionEvent.Linked.class).connection();
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            relay.injectTarget(id, Leg.UP).send(ascii("repeat"), done::complete);
            assertArrayEquals(ascii("repeat"), readExactly(target.getInputStream(), 6));
            assertTrue(done.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            CompletableFuture<Boolean> gone = new CompletableFuture<>();
            relay.injectTarget(id + 1000, Leg.UP).send(ascii("x"), gone::complete);
            assertFalse(gone.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "no such connection");
            assertEquals(0, client.getInputStream().available(), "an injection towards the target only");
        }
    }

    @Test
    void faultsSetBeforeOpeningAreReportedOnceListening() throws Exception {
        harness.target();
        RelaySession relay = new RelaySession(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                harness.target.getLocalPort()), harness.events, harness.counters, harness.loops.next());
        harness.relay = relay;
        relay.setFaults(Leg.DOWN, LegFaults.NONE.withLatency(10, 0));
        relay.start();
        SessionEvent.FaultInjected reported = harness.events.await(SessionEvent.FaultInjected.class);
        assertEquals(Leg.DOWN, reported.leg());
        assertEquals("latency=10ms", reported.detail());
        assertTrue(harness.events.events().indexOf(harness.events.await(SessionEvent.Opened.class))
                < harness.events.events().indexOf(reported), "after Opened");
    }

    @Test
    void disconnectClosesBothSides() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            long id = harness.events.await(SessionEvent.Linked.class).connection();
            relay.disconnect(List.of(id));
            assertEquals(-1, client.getInputStream().read());
            assertEquals(-1, target.getInputStream().read());
            assertEquals(CloseReason.KICKED, harness.events.await(SessionEvent.Disconnected.class).reason());
        }
    }

    @Test
    void stoppingTheRelayClosesEveryConnectionAndFreesThePort() throws Exception {
        harness.target();
        RelaySession relay = harness.startTcp();
        try (Socket client = harness.connect(); Socket target = harness.accept()) {
            harness.events.await(SessionEvent.Linked.class);
            relay.close();
            assertEquals(CloseReason.SERVER_STOPPED, harness.events.await(SessionEvent.Disconnected.class).reason());
            harness.events.awaitClosed();
            assertEquals(-1, client.getInputStream().read());
            assertEquals(-1, target.getInputStream().read());
        }
    }
}
