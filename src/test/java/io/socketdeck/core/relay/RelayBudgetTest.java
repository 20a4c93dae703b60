package io.socketdeck.core.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RelayFault;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.text.Language;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.JavaUdpEcho;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What all the legs of a relay hold together, between real loopback peers: TCP connections stop
 * being read at the shared budget, not at their own bounds added up, and go on complete and in
 * order once it has room; UDP datagrams beyond it are dropped; both are reported once a burst.
 */
class RelayBudgetTest {

    private static final int CONNECTIONS = 3;
    /** Each connection's own bound: three of them would hold 120 KiB. */
    private static final int LEG_BYTES = 40 * 1024;
    private static final int BUDGET = 64 * 1024;
    private static final int PER_CONNECTION = 100 * 1024;

    private final RelayHarness harness = new RelayHarness(false);
    private final ExecutorService peers = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        peers.shutdownNow();
        harness.close();
    }

    /** A connection's bytes, different from every other connection's at every offset. */
    private static byte[] pattern(int connection, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + i / 251 + connection * 85);
        }
        return bytes;
    }

    /** What the budget's legs hold now, read on the relay's loop, which alone writes it. */
    private static long budgetUsed(RelaySession relay) throws Exception {
        CompletableFuture<Long> used = new CompletableFuture<>();
        relay.loop().execute(() -> used.complete(relay.budget().used()));
        return used.get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static String english(Supplier<String> words) {
        Locale before = Language.current();
        try {
            Language.use(Locale.ENGLISH);
            return words.get();
        } finally {
            Language.use(before);
        }
    }

    @Test
    void heldConnectionsStopTogetherAtTheSharedBudgetThenEveryByteArrivesInOrder() throws Exception {
        harness.target();
        RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.TCP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                harness.target.getLocalPort()).withBufferBytes(LEG_BYTES), r -> r.budgetBytes(BUDGET));
        List<Socket> clients = new ArrayList<>();
        List<Socket> targets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                clients.add(harness.connect());
                targets.add(harness.accept()); // one at a time: the i-th accepted is the i-th client's
                int linked = i + 1;
                Await.until(() -> harness.events.all(SessionEvent.Linked.class).size() == linked,
                        RelayHarness.TIMEOUT, linked + " linked");
            }
            relay.hold(true);
            harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.HELD);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                OutputStream out = clients.get(i).getOutputStream();
                byte[] bytes = pattern(i, PER_CONNECTION);
                writers.add(CompletableFuture.runAsync(() -> {
                    try {
                        out.write(bytes);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, peers));
            }

            // The first read that finds the budget spent pauses its connection; every read after it
            // does too, so from the report on nothing more is read while held.
            SessionEvent.Failure paused = harness.events.await(SessionEvent.Failure.class,
                    f -> f.kind() == FailureKind.RELAY_BUDGET_PAUSED);
            RelayUdpTest.loopTurnOver(relay);
            long used = budgetUsed(relay);
            assertTrue(used <= BUDGET && used >= BUDGET - LegPipe.CHUNK_OVERHEAD,
                    "held with overhead " + used + ", a read's overhead below the budget " + BUDGET);
            assertEquals(relay.upBytes(), relay.heldBytes(), "nothing delivered while held");
            assertTrue(relay.upBytes() <= BUDGET, "stopped at the budget, not at the connections' "
                    + CONNECTIONS + " bounds of " + LEG_BYTES + " together: " + relay.upBytes());
            long holding = relay.connections().stream().filter(c -> c.heldBytes() > 0).count();
            assertTrue(holding >= 2, "no connection holds the budget alone: " + relay.connections());
            assertEquals(relay.localAddress(), paused.peer());
            assertEquals(String.valueOf(BUDGET), paused.detail().split("\n")[1]);
            String words = english(() -> EventTexts.failure(paused));
            assertTrue(words.startsWith("The relay at 127.0.0.1:" + relay.localAddress().getPort() + " is full")
                    && words.contains("(65,536 bytes"), words);

            // Released, the legs deliver; what they deliver makes room, which wakes the paused ones.
            relay.hold(false);
            List<CompletableFuture<byte[]>> received = new ArrayList<>();
            for (Socket target : targets) {
                InputStream in = target.getInputStream();
                received.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return in.readNBytes(PER_CONNECTION);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, peers));
            }
            for (int i = 0; i < CONNECTIONS; i++) {
                byte[] bytes = received.get(i).get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertArrayEquals(pattern(i, PER_CONNECTION), bytes, "connection " + i + ": complete, in order");
                writers.get(i).get(RelayHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            Await.until(() -> relay.heldBytes() == 0, RelayHarness.TIMEOUT, "nothing held");
            assertEquals(0, budgetUsed(relay), "every byte and overhead charged was given back");
        } finally {
            for (Socket socket : clients) {
                socket.close();
            }
            for (Socket socket : targets) {
                socket.close();
            }
        }
    }

    @Test
    void datagramsBeyondTheSharedBudgetAreDroppedAndReportedOnceABurst() throws Exception {
        int size = 100;
        int fit = 10;
        int perClient = 10;
        int budget = fit * (size + LegPipe.CHUNK_OVERHEAD);
        try (JavaUdpEcho echo = new JavaUdpEcho()) {
            RelaySession relay = harness.start(RelayOptions.of(RelayProtocol.UDP, RelayHarness.LOOPBACK, 0, "127.0.0.1",
                    echo.port()), r -> r.budgetBytes(budget));
            relay.hold(true);
            harness.events.await(SessionEvent.FaultInjected.class, f -> f.what() == RelayFault.HELD);
            List<DatagramSocket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    DatagramSocket client = new DatagramSocket(0, RelayHarness.LOOPBACK);
                    client.setSoTimeout((int) RelayHarness.TIMEOUT.toMillis());
                    clients.add(client);
                }
                // Round robin: the ten that fit are the first four of the first flow, three of the others.
                for (int n = 0; n < perClient; n++) {
                    for (int i = 0; i < CONNECTIONS; i++) {
                        byte[] datagram = new byte[size];
                        Arrays.fill(datagram, (byte) (i * 16 + n));
                        clients.get(i).send(new DatagramPacket(datagram, size, relay.localAddress()));
                    }
                }
                long sent = (long) CONNECTIONS * perClient * size;
                Await.until(() -> relay.upBytes() == sent, RelayHarness.TIMEOUT, "every datagram read");
                RelayUdpTest.loopTurnOver(relay);
                assertEquals((long) fit * size, relay.heldBytes(), "held: what fits the budget, all flows together");
                assertEquals(budget, budgetUsed(relay));
                int dropped = CONNECTIONS * perClient - fit;
                Await.until(() -> droppedReported() == dropped, RelayHarness.TIMEOUT,
                        () -> dropped + " reported dropped: " + harness.events.all(SessionEvent.Failure.class));
                List<SessionEvent.Failure> reports = budgetDrops();
                assertTrue(reports.size() < dropped, "reported per burst, not per datagram: " + reports);
                SessionEvent.Failure first = reports.get(0);
                assertEquals(relay.localAddress(), first.peer());
                assertEquals(String.valueOf(budget), first.detail().split("\n")[2]);
                assertEquals((long) dropped * size,
                        reports.stream().mapToLong(f -> Long.parseLong(f.detail().split("\n")[1])).sum());
                String words = english(() -> EventTexts.failure(first));
                assertTrue(words.contains("datagrams (") && words.contains("bytes) dropped at 127.0.0.1:"
                        + relay.localAddress().getPort() + ": ") && words.contains("(1,720 bytes"), words);

                relay.hold(false);
                int[] kept = {4, 3, 3};
                for (int i = 0; i < CONNECTIONS; i++) {
                    for (int n = 0; n < kept[i]; n++) {
                        DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
                        clients.get(i).receive(reply);
                        assertEquals(size, reply.getLength());
                        assertEquals((byte) (i * 16 + n), reply.getData()[0], "flow " + i + ", datagram " + n);
                    }
                }
                Await.until(() -> relay.heldBytes() == 0, RelayHarness.TIMEOUT, "nothing held");
                assertEquals(0, budgetUsed(relay));
            } finally {
                clients.forEach(DatagramSocket::close);
            }
        }
    }

    private List<SessionEvent.Failure> budgetDrops() {
        return harness.events.all(SessionEvent.Failure.class).stream()
                .filter(f -> f.kind() == FailureKind.RELAY_BUDGET_DROPPED).toList();
    }

    private long droppedReported() {
        return budgetDrops().stream().mapToLong(f -> Long.parseLong(f.detail().split("\n")[0])).sum();
    }
}
