package io.socketdeck.core.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.HeldLookups;
import io.socketdeck.testsupport.JavaUdpEcho;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A relay to a target given by name looks it up once for all the clients that arrive while the
 * lookup is out, not once per client on a thread each. The lookups are {@link HeldLookups},
 * answered when the test says: no DNS is asked.
 */
class RelayNameLookupTest {

    private static final String SLOW = "slow.lookup.test";
    private static final int CLIENTS = 20;

    private final RelayHarness harness = new RelayHarness(true);
    private final HeldLookups names = new HeldLookups();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        names.failAll();
        for (AutoCloseable client : clients) {
            client.close();
        }
        harness.close();
    }

    private RelaySession start(RelayProtocol protocol, int targetPort) {
        return harness.start(RelayOptions.of(protocol, RelayHarness.LOOPBACK, 0, SLOW, targetPort),
                relay -> relay.nameService(names));
    }

    private void awaitConnected(int count) {
        Await.until(() -> harness.events.all(SessionEvent.Connected.class).size() >= count, RelayHarness.TIMEOUT,
                () -> count + " clients connected: " + harness.events.all(SessionEvent.Connected.class).size());
    }

    @Test
    void tcpClientsArrivingWhileTheTargetIsLookedUpShareOneLookup() throws Exception {
        harness.target();
        start(RelayProtocol.TCP, harness.target.getLocalPort());
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(harness.connect());
        }
        awaitConnected(CLIENTS); // each client's target is asked for as it is reported connected
        assertEquals(1, names.asked(SLOW), () -> "lookups of the target for " + CLIENTS + " clients: " + names.hostsAsked());

        names.answer(SLOW, RelayHarness.LOOPBACK);
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(harness.accept());
        }
        Await.until(() -> harness.events.all(SessionEvent.Linked.class).size() == CLIENTS, RelayHarness.TIMEOUT,
                () -> "all linked: " + harness.events.all(SessionEvent.Linked.class).size());
        assertTrue(harness.events.all(SessionEvent.Linked.class).stream()
                .allMatch(linked -> linked.target().equals(harness.targetAddress())));
        assertEquals(1, names.asked(SLOW));
    }

    @Test
    void udpFlowsArrivingWhileTheTargetIsLookedUpShareOneLookup() throws Exception {
        JavaUdpEcho echo = new JavaUdpEcho();
        clients.add(echo);
        RelaySession relay = start(RelayProtocol.UDP, echo.port());
        List<DatagramSocket> sockets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            DatagramSocket client = new DatagramSocket(0, RelayHarness.LOOPBACK);
            client.setSoTimeout((int) RelayHarness.TIMEOUT.toMillis());
            clients.add(client);
            sockets.add(client);
            byte[] hello = ("hello " + i).getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(hello, hello.length, relay.localAddress()));
        }
        awaitConnected(CLIENTS);
        assertEquals(1, names.asked(SLOW), () -> "lookups of the target for " + CLIENTS + " flows: " + names.hostsAsked());

        names.answer(SLOW, RelayHarness.LOOPBACK);
        for (int i = 0; i < CLIENTS; i++) {
            DatagramPacket reply = new DatagramPacket(new byte[100], 100);
            sockets.get(i).receive(reply);
            assertArrayEquals(("hello " + i).getBytes(StandardCharsets.US_ASCII),
                    Arrays.copyOf(reply.getData(), reply.getLength()), "held while looked up, then relayed");
        }
        assertEquals(1, names.asked(SLOW));
    }

    @Test
    void aTargetNameThatDoesNotResolveFailsEveryClientThatWaitedForIt() throws Exception {
        start(RelayProtocol.TCP, 9);
        for (int i = 0; i < 3; i++) {
            clients.add(harness.connect());
        }
        awaitConnected(3);
        names.fail(SLOW);
        for (AutoCloseable client : clients) {
            assertEquals(-1, ((Socket) client).getInputStream().read(), "the client is closed");
        }
        List<SessionEvent.Failure> failures = Await.value(() -> harness.events.all(SessionEvent.Failure.class),
                all -> all.size() == 3, RelayHarness.TIMEOUT, "a failure per client");
        assertTrue(failures.stream().allMatch(f -> f.kind() == FailureKind.UNKNOWN_HOST && f.detail().equals(SLOW)),
                failures::toString);
        assertEquals(1, names.asked(SLOW));
        assertTrue(harness.relay.isOpen());
    }
}
