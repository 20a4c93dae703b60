package io.socketdeck.core.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.session.RelayFault;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.text.Language;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.JavaUdpEcho;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A UDP relay between real loopback sockets: one upstream socket per client, idle timeout, drop. */
class RelayUdpTest {

    private final RelayHarness harness = new RelayHarness(true);
    private JavaUdpEcho echo;

    @BeforeEach
    void startEcho() throws IOException {
        echo = new JavaUdpEcho();
    }

    @AfterEach
    void close() throws Exception {
        echo.close();
        harness.close();
    }

    private RelaySession relay(Duration idle) {
        return harness.start(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                echo.port()).withUdpIdleTimeout(idle));
    }

    private DatagramSocket client() throws IOException {
        DatagramSocket client = new DatagramSocket(0, RelayHarness.LOOPBACK);
        client.setSoTimeout((int) RelayHarness.TIMEOUT.toMillis());
        return client;
    }

    private static byte[] exchange(DatagramSocket client, RelaySession relay, byte[] payload) throws IOException {
        client.send(new DatagramPacket(payload, payload.length, relay.localAddress()));
        DatagramPacket reply = new DatagramPacket(new byte[65535], 65535);
        client.receive(reply);
        return Arrays.copyOf(reply.getData(), reply.getLength());
    }

    @Test
    void eachClientGetsItsOwnFlowThroughTheTarget() throws Exception {
        RelaySession relay = relay(Duration.ofSeconds(60));
        try (DatagramSocket first = client(); DatagramSocket second = client()) {
            byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(hello, exchange(first, relay, hello));
            assertArrayEquals(hello, exchange(second, relay, hello));
            assertArrayEquals(hello, exchange(first, relay, hello));
            assertEquals(2, relay.connectionCount());
            SessionEvent.Relayed down = harness.events.await(SessionEvent.Relayed.class, r -> r.leg() == Leg.DOWN);
            assertEquals(echo.port(), down.from().getPort());
            assertEquals(2, harness.events.all(SessionEvent.Linked.class).size());
            assertNotEquals(relay.connections().get(0).id(), relay.connections().get(1).id());
        }
    }

    /**
     * A rewrite that overflows the stack on a long datagram, client to target or back, ends that
     * flow alone: a Failure naming it, its Disconnected(ERROR), its row gone; another client
     * address is relayed after it, through the same rule.
     */
    @ParameterizedTest
    @EnumSource(Leg.class)
    void aFlowWhoseHandlingThrowsEndsAloneAndTheRelayServesTheOthers(Leg leg) throws Exception {
        RelaySession relay = relay(Duration.ofSeconds(60));
        // java.util.regex recurses once per repetition of (a|b): a datagram of a's this long overflows the stack.
        String pattern = "(a|b)*";
        relay.setFaults(leg, LegFaults.NONE.withRewrites(List.of(
                new RewriteRule(RewriteRule.Kind.REGEX, pattern, "x", StandardCharsets.US_ASCII))));
        try (DatagramSocket client = client(); DatagramSocket other = client()) {
            byte[] longRun = "a".repeat(65_000).getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(longRun, longRun.length, relay.localAddress()));
            long id = harness.events.await(SessionEvent.Connected.class,
                    c -> c.remote().equals(client.getLocalSocketAddress())).connection();

            SessionEvent.Failure failure = harness.events.await(SessionEvent.Failure.class);
            assertEquals(id, failure.connection(), "the failure names the flow: " + failure);
            assertEquals(FailureKind.IO, failure.kind());
            assertEquals(client.getLocalSocketAddress(), failure.peer());
            assertTrue(failure.detail().contains("overflowed the stack"), failure.detail());
            assertEquals(CloseReason.ERROR, harness.events.await(SessionEvent.Disconnected.class,
                    d -> d.connection() == id).reason());
            Await.until(() -> relay.connections().stream().noneMatch(c -> c.id() == id), RelayHarness.TIMEOUT,
                    "gone from the table");

            assertTrue(relay.isOpen(), "the relay goes on");
            byte[] hello = "ab-ab".getBytes(StandardCharsets.US_ASCII);
            byte[] rewritten = "ab-ab".replaceAll(pattern, "x").getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(rewritten, exchange(other, relay, hello));
            assertEquals(List.of(), harness.events.all(SessionEvent.Closed.class));
        }
    }

    /** An Error while handling a flow ends the flow, with its events, then the relay, as it does over TCP. */
    @Test
    void anErrorWhileRelayingEndsTheFlowThenTheRelay() throws Exception {
        RelaySession relay = new RelaySession(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0,
                "127.0.0.1", echo.port()), event -> {
                    if (event instanceof SessionEvent.Relayed) {
                        throw new NoClassDefFoundError("a class that did not load, as a listener may meet one");
                    }
                    harness.events.onEvent(event);
                }, harness.counters, harness.loops.next());
        harness.relay = relay;
        relay.start();
        harness.events.await(SessionEvent.Opened.class);
        try (DatagramSocket client = client()) {
            client.send(new DatagramPacket(new byte[] {1}, 1, relay.localAddress()));
            long id = harness.events.await(SessionEvent.Connected.class).connection();
            SessionEvent.Failure failure = harness.events.await(SessionEvent.Failure.class);
            assertEquals(id, failure.connection(), "the failure names the flow: " + failure);
            assertTrue(failure.detail().contains("NoClassDefFoundError"), failure.detail());
            assertEquals(CloseReason.ERROR, harness.events.await(SessionEvent.Disconnected.class).reason());
            assertEquals(CloseReason.ERROR, harness.events.awaitClosed().reason());
        }
    }

    @Test
    void aQuietFlowEndsAfterItsIdleTimeout() throws Exception {
        RelaySession relay = relay(Duration.ofMillis(300));
        try (DatagramSocket client = client()) {
            exchange(client, relay, new byte[] {1});
            SessionEvent.Disconnected gone = harness.events.await(SessionEvent.Disconnected.class);
            assertEquals(CloseReason.LOCAL, gone.reason());
            Await.until(() -> relay.connectionCount() == 0, RelayHarness.TIMEOUT, "no flow left");
            exchange(client, relay, new byte[] {2}); // a new flow
            assertEquals(2, harness.events.all(SessionEvent.Connected.class).size());
        }
    }

    @Test
    void heldOneByteDatagramsCountTheirOverheadAgainstTheBuffer() throws Exception {
        int fits = 10;
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                echo.port()).withBufferBytes(fits * (1 + LegPipe.CHUNK_OVERHEAD)));
        relay.hold(true);
        harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.HELD);
        int sent = 30;
        try (DatagramSocket client = client()) {
            for (int i = 0; i < sent; i++) {
                client.send(new DatagramPacket(new byte[] {(byte) i}, 1, relay.localAddress()));
            }
            Await.until(() -> relay.upBytes() == sent, RelayHarness.TIMEOUT, "every datagram read");
            loopTurnOver(relay);
            // Counting bytes only, all 30 fit a buffer of 730.
            assertEquals(fits, relay.heldBytes(), "datagrams held, each costing its byte and its overhead");
            relay.hold(false);
            for (int i = 0; i < fits; i++) {
                DatagramPacket reply = new DatagramPacket(new byte[16], 16);
                client.receive(reply);
                assertArrayEquals(new byte[] {(byte) i}, Arrays.copyOf(reply.getData(), reply.getLength()));
            }
        }
    }

    /**
     * An empty datagram (a keepalive, say) is a datagram: relayed to the target and its echo back
     * to the client, a Relayed event and a datagram counted each way; the flow goes on after it.
     */
    @Test
    void zeroLengthDatagramsAreRelayedBothWays() throws Exception {
        RelaySession relay = relay(Duration.ofSeconds(60));
        try (DatagramSocket client = client()) {
            assertArrayEquals(new byte[0], exchange(client, relay, new byte[0]));
            // Read: the client's and the echo's; written: to the target and to the client.
            Await.until(() -> harness.counters.rxMessages() == 2 && harness.counters.txMessages() == 2,
                    RelayHarness.TIMEOUT, () -> "two datagrams each way counted: " + harness.counters.snapshot());
            assertEquals(0, harness.counters.rxBytes());
            assertEquals(0, harness.counters.txBytes());
            for (Leg leg : Leg.values()) {
                SessionEvent.Relayed relayed = harness.events.await(SessionEvent.Relayed.class, r -> r.leg() == leg);
                assertEquals(0, relayed.bytes().length, leg.toString());
            }
            assertArrayEquals(new byte[] {1, 2}, exchange(client, relay, new byte[] {1, 2}));
            assertArrayEquals(new byte[0], exchange(client, relay, new byte[0]));
            assertEquals(1, relay.connectionCount());
            assertEquals(List.of(), harness.events.all(SessionEvent.Failure.class));
        }
    }

    /**
     * Sending an empty datagram unties the flow's socket from the target (Java sends none on a
     * connected one), yet the flow still hears its target only: a stranger's datagram to that
     * socket is not relayed.
     */
    @Test
    void afterAnEmptyDatagramTheFlowStillHearsItsTargetOnly() throws Exception {
        try (DatagramSocket target = client(); DatagramSocket client = client(); DatagramSocket stranger = client()) {
            RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0,
                    "127.0.0.1", target.getLocalPort()));
            client.send(new DatagramPacket(new byte[0], 0, relay.localAddress()));
            DatagramPacket empty = new DatagramPacket(new byte[16], 16);
            target.receive(empty);
            assertEquals(0, empty.getLength());
            // Sent first, so it would be the client's first datagram if the flow relayed it.
            stranger.send(new DatagramPacket(new byte[] {6}, 1, empty.getSocketAddress()));
            target.send(new DatagramPacket(new byte[] {7}, 1, empty.getSocketAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[16], 16);
            client.receive(reply);
            assertArrayEquals(new byte[] {7}, Arrays.copyOf(reply.getData(), reply.getLength()));
        }
    }

    /** Held empty datagrams cost their overhead: a leg holds as many as its buffer fits, in order. */
    @Test
    void heldZeroLengthDatagramsCountTheirOverheadAgainstTheBuffer() throws Exception {
        int fits = 10;
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                echo.port()).withBufferBytes(fits * LegPipe.CHUNK_OVERHEAD));
        relay.hold(true);
        harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.HELD);
        int sent = 30;
        try (DatagramSocket client = client()) {
            for (int i = 0; i < sent; i++) {
                client.send(new DatagramPacket(new byte[0], 0, relay.localAddress()));
            }
            Await.until(() -> harness.counters.rxMessages() == sent, RelayHarness.TIMEOUT, "every datagram read");
            relay.hold(false);
            // Sent once the release is done: before it, the full leg would drop it.
            harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.RELEASED);
            client.send(new DatagramPacket(new byte[] {9}, 1, relay.localAddress()));
            for (int i = 0; i < fits; i++) {
                DatagramPacket reply = new DatagramPacket(new byte[16], 16);
                client.receive(reply);
                assertEquals(0, reply.getLength(), "held empty datagram " + i);
            }
            DatagramPacket last = new DatagramPacket(new byte[16], 16);
            client.receive(last);
            assertArrayEquals(new byte[] {9}, Arrays.copyOf(last.getData(), last.getLength()),
                    "the datagram sent after the release, behind the ten held");
        }
    }

    /** Waits until the loop has finished what it was doing: what it read is handled. */
    static void loopTurnOver(RelaySession relay) throws InterruptedException {
        CountDownLatch over = new CountDownLatch(1);
        relay.loop().execute(over::countDown);
        assertTrue(over.await(RelayHarness.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the loop's turn over");
    }

    @Test
    void newAddressesBeyondTheFlowLimitAreDroppedAndReportedOnceABurst() throws Exception {
        int limit = 4;
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                echo.port()), r -> r.udpFlowLimit(limit));
        List<DatagramSocket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < limit + 6; i++) {
                clients.add(client());
            }
            for (DatagramSocket admitted : clients.subList(0, limit)) {
                assertArrayEquals(new byte[] {1}, exchange(admitted, relay, new byte[] {1}));
            }
            for (DatagramSocket refused : clients.subList(limit, clients.size())) {
                for (int i = 0; i < 2; i++) {
                    refused.send(new DatagramPacket(new byte[] {2}, 1, relay.localAddress()));
                }
            }
            // Six addresses, two datagrams each, all dropped; reported within a second of the first.
            Await.until(() -> refusedReported() == 12, RelayHarness.TIMEOUT, () -> "12 reported dropped: "
                    + harness.events.all(SessionEvent.Failure.class));
            List<SessionEvent.Failure> reports = tooManyFlows();
            assertTrue(reports.size() < 12, "reported per burst, not per datagram: " + reports);
            assertEquals(relay.localAddress(), reports.get(0).peer());
            assertEquals(String.valueOf(limit), reports.get(0).detail().split("\n")[1]);
            Locale before = Language.current();
            try {
                Language.use(Locale.ENGLISH);
                String words = EventTexts.failure(reports.get(0));
                assertTrue(words.startsWith("Datagrams from new client addresses dropped at 127.0.0.1:"
                        + relay.localAddress().getPort() + ": ") && words.contains("keeps (4)"), words);
            } finally {
                Language.use(before);
            }
            assertEquals(limit, relay.connectionCount());
            assertEquals(limit, harness.events.all(SessionEvent.Connected.class).size());

            // A flow that ends makes room for a new address.
            relay.disconnect(List.of(relay.connections().get(0).id()));
            harness.events.await(SessionEvent.Disconnected.class);
            DatagramSocket late = clients.get(limit);
            assertArrayEquals(new byte[] {3}, exchange(late, relay, new byte[] {3}));
            assertEquals(limit, relay.connectionCount());
        } finally {
            clients.forEach(DatagramSocket::close);
        }
    }

    /** A burst not told yet when the relay stops is told then, before Closed: none goes untold. */
    @Test
    void aBurstNotToldYetIsToldWhenTheRelayStops() throws Exception {
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                echo.port()), r -> r.udpFlowLimit(1));
        try (DatagramSocket admitted = client(); DatagramSocket refused = client()) {
            exchange(admitted, relay, new byte[] {1});
            refused.send(new DatagramPacket(new byte[] {2}, 1, relay.localAddress()));
            // Read: the admitted byte, its echo, the refused byte.
            Await.until(() -> harness.counters.rxBytes() == 3, RelayHarness.TIMEOUT, "the refused datagram read");
            relay.close(); // within the burst's second: its report's timer never fires
            harness.events.awaitClosed();
            assertEquals(1, refusedReported(), "told at the stop: " + harness.events.all(SessionEvent.Failure.class));
        }
    }

    @Test
    void aFlowThatGoesIdleMakesRoomUnderTheLimit() throws Exception {
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                echo.port()).withUdpIdleTimeout(Duration.ofMillis(300)), r -> r.udpFlowLimit(1));
        try (DatagramSocket first = client(); DatagramSocket second = client()) {
            exchange(first, relay, new byte[] {1});
            assertEquals(CloseReason.LOCAL, harness.events.await(SessionEvent.Disconnected.class).reason());
            assertArrayEquals(new byte[] {2}, exchange(second, relay, new byte[] {2}));
            assertEquals(2, harness.events.all(SessionEvent.Connected.class).size());
            assertEquals(List.of(), tooManyFlows());
        }
    }

    /**
     * A stalled leg holds as many datagrams as its buffer fits; the ones beyond are dropped (UDP
     * cannot push back) and told once a burst with their count and bytes, not silently. Then the
     * held ones go on, in order.
     */
    @ParameterizedTest
    @EnumSource(Leg.class)
    void datagramsBeyondAFlowsBufferAreDroppedAndReportedOnceABurst(Leg leg) throws Exception {
        int size = 100;
        int fits = 10;
        int sent = 30;
        int buffer = fits * (size + LegPipe.CHUNK_OVERHEAD);
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                echo.port()).withBufferBytes(buffer));
        relay.setFaults(leg, LegFaults.NONE.withStall(true));
        harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.STALLED);
        try (DatagramSocket client = client()) {
            for (int i = 0; i < sent; i++) {
                byte[] datagram = new byte[size];
                Arrays.fill(datagram, (byte) i);
                client.send(new DatagramPacket(datagram, size, relay.localAddress()));
            }
            int dropped = sent - fits;
            Await.until(() -> reported(flowBufferDrops(), 0) == dropped, RelayHarness.TIMEOUT,
                    () -> dropped + " reported dropped: " + harness.events.all(SessionEvent.Failure.class));
            List<SessionEvent.Failure> reports = flowBufferDrops();
            assertTrue(reports.size() < dropped, "reported per burst, not per datagram: " + reports);
            assertEquals((long) dropped * size, reported(reports, 1));
            SessionEvent.Failure first = reports.get(0);
            assertEquals(relay.localAddress(), first.peer());
            assertEquals(String.valueOf(buffer), first.detail().split("\n")[2]);
            String where = "127.0.0.1:" + relay.localAddress().getPort();
            String english = inLanguage(Locale.ENGLISH, () -> EventTexts.failure(first));
            assertTrue(english.contains(" dropped at " + where + ": each found its flow\u2019s buffer that way full "
                    + "(1,720 bytes"), english);
            String chinese = inLanguage(Locale.SIMPLIFIED_CHINESE, () -> EventTexts.failure(first));
            assertTrue(chinese.startsWith("\u5728 " + where) && chinese.contains("1,720"), chinese);
            assertEquals(List.of(), harness.events.all(SessionEvent.Failure.class).stream()
                    .filter(f -> f.kind() != FailureKind.FLOW_BUFFER_DROPPED).toList(), "nothing else failed");

            relay.setFaults(leg, LegFaults.NONE);
            for (int i = 0; i < fits; i++) {
                DatagramPacket reply = new DatagramPacket(new byte[2 * size], 2 * size);
                client.receive(reply);
                assertEquals(size, reply.getLength());
                assertEquals((byte) i, reply.getData()[0], "held datagram " + i);
            }
        }
    }

    private List<SessionEvent.Failure> flowBufferDrops() {
        return harness.events.all(SessionEvent.Failure.class).stream()
                .filter(f -> f.kind() == FailureKind.FLOW_BUFFER_DROPPED).toList();
    }

    /** The sum over {@code reports} of their detail's line {@code line}. */
    private static long reported(List<SessionEvent.Failure> reports, int line) {
        return reports.stream().mapToLong(f -> Long.parseLong(f.detail().split("\n")[line])).sum();
    }

    private static String inLanguage(Locale locale, Supplier<String> words) {
        Locale before = Language.current();
        try {
            Language.use(locale);
            return words.get();
        } finally {
            Language.use(before);
        }
    }

    private List<SessionEvent.Failure> tooManyFlows() {
        return harness.events.all(SessionEvent.Failure.class).stream()
                .filter(f -> f.kind() == FailureKind.TOO_MANY_FLOWS).toList();
    }

    private long refusedReported() {
        return tooManyFlows().stream().mapToLong(f -> Long.parseLong(f.detail().split("\n")[0])).sum();
    }

    @Test
    void aDatagramLargerThanWhatTheBandwidthAllowsInOneBurstStillGoesWhole() throws Exception {
        RelaySession relay = relay(Duration.ofSeconds(60));
        relay.setFaults(Leg.UP, LegFaults.NONE.withBandwidth(2_000));
        try (DatagramSocket client = client()) {
            byte[] payload = new byte[200]; // 100 ms at 2,000 B/s, five times the bucket's 20 ms
            assertArrayEquals(payload, exchange(client, relay, payload));
        }
    }

    @Test
    void dropLosesDatagramsWithAnEvent() throws Exception {
        RelaySession relay = relay(Duration.ofSeconds(60));
        relay.setFaults(Leg.UP, LegFaults.NONE.withDrop(1.0));
        try (DatagramSocket client = client()) {
            client.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> exchange(client, relay, new byte[] {7}));
            SessionEvent.FaultInjected dropped = harness.events.await(SessionEvent.FaultInjected.class,
                    f -> f.what() == RelayFault.DROPPED);
            assertEquals("1", dropped.detail());
            client.setSoTimeout((int) RelayHarness.TIMEOUT.toMillis());
            relay.setFaults(Leg.UP, LegFaults.NONE);
            harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.FAULTS_CHANGED
                    && f.detail().isEmpty());
            assertArrayEquals(new byte[] {8}, exchange(client, relay, new byte[] {8}));
        }
    }
}
