package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.TcpProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a peer's end of stream (a FIN) was taken for a close: the connection was closed at once,
 * so a peer that sends a request and shuts its output ({@code printf ... | nc -N}) never got the
 * answer, and what was queued for it was dropped. Now the FIN is {@link SessionEvent.PeerFinished}
 * and the connection stays open for sending until we close it (or a quiet linger time passes).
 */
class HalfCloseTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("half-close-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    private TcpServerSession listen(TcpServerOptions options) {
        TcpServerSession server = new TcpServerSession(options, events, new TrafficCounters(), loops.next());
        server.start();
        return server;
    }

    @Test
    void aClientThatShutItsOutputGetsItsAnswer() throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        TcpServerSession server = listen(TcpServerOptions.of(LOOPBACK, 0));
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        byte[] request = "GET /status\r\n".getBytes(StandardCharsets.US_ASCII);
        try (PythonPeer client = PythonPeer.start("half_close_client.py", "127.0.0.1",
                Integer.toString(address.getPort()), HexFormat.of().formatHex(request))) {
            SessionEvent.PeerFinished finished = events.await(SessionEvent.PeerFinished.class);
            assertArrayEquals(request, events.awaitBytes(Direction.RX, request.length), "the request came first");
            assertTrue(events.all(SessionEvent.Disconnected.class).isEmpty(), "not closed: " + events.events());

            byte[] answer = "200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
            server.sendTo(List.of(finished.remote()), answer);
            Await.until(() -> client.received().length == answer.length, TIMEOUT, () -> "answer read: " + client.stdout());
            assertArrayEquals(answer, client.received());

            server.disconnect(List.of(finished.remote())); // we are done: now we close
            assertEquals(CloseReason.KICKED, events.await(SessionEvent.Disconnected.class).reason());
            Await.until(() -> client.stdout().contains("EOF"), TIMEOUT, () -> "EOF after the answer: " + client.stdout());
        }
    }

    @Test
    void whatWaitsForAPeerThatFinishedSendingIsStillWritten() throws Exception {
        TcpServerSession server = listen(TcpServerOptions.of(LOOPBACK, 0));
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe peer = TcpProbe.connect(address)) {
            peer.shutdownOutput();
            events.await(SessionEvent.PeerFinished.class);
            // Far more than the socket buffers hold: most of it waits in our queue until the peer reads.
            byte[] big = new byte[24 << 20];
            new Random(9).nextBytes(big);
            server.sendTo(List.of(peer.localAddress()), big);
            assertArrayEquals(big, peer.readExactly(big.length, Duration.ofSeconds(30)), "every byte arrived");
            assertTrue(events.all(SessionEvent.Disconnected.class).isEmpty());
        }
    }

    @Test
    void theClientSessionCanStillSendAfterTheServerFinished() throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        byte[] greeting = "READY\n".getBytes(StandardCharsets.US_ASCII);
        try (PythonPeer device = PythonPeer.start("half_close_server.py", "127.0.0.1",
                HexFormat.of().formatHex(greeting))) {
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", device.port()), events,
                    new TrafficCounters(), loops.next());
            client.start();
            events.await(SessionEvent.PeerFinished.class);
            assertArrayEquals(greeting, events.awaitBytes(Direction.RX, greeting.length));
            assertTrue(client.isOpen() && client.peerFinished());

            assertTrue(client.send("ACK\n".getBytes(StandardCharsets.US_ASCII)));
            Await.until(() -> device.stdout().contains("RX " + HexFormat.of().formatHex("ACK\n".getBytes(
                    StandardCharsets.US_ASCII))), TIMEOUT, () -> "the device read our answer: " + device.stdout());
            client.close();
            assertEquals(CloseReason.LOCAL, events.awaitClosed().reason());
            Await.until(() -> device.stdout().contains("EOF"), TIMEOUT, device::stdout);
        }
    }

    @Test
    void aQuietHalfClosedConnectionClosesAfterTheLinger() throws Exception {
        listen(TcpServerOptions.of(LOOPBACK, 0).withHalfCloseLinger(Duration.ofMillis(300)));
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe peer = TcpProbe.connect(address)) {
            peer.shutdownOutput();
            SessionEvent.PeerFinished finished = events.await(SessionEvent.PeerFinished.class);
            SessionEvent.Disconnected closed = events.await(SessionEvent.Disconnected.class);
            assertEquals(CloseReason.PEER, closed.reason());
            assertTrue(closed.timeMillis() - finished.timeMillis() >= 250, "not before the linger time");
            assertTrue(peer.awaitClosedByPeer(TIMEOUT));
        }
    }

    /**
     * A peer that finished sending and does not read, with much queued for it: once the linger
     * time had passed with bytes still waiting, the linger timer was set again at 0 ms, and again,
     * for as long as the peer did not read: the I/O thread spun (two thirds of a core measured).
     * Now no timer runs while the queue waits for the peer, and the connection still closes one
     * linger after the last byte went out.
     */
    @Test
    void aPeerThatDoesNotReadCostsNoTimersAndClosesOneLingerAfterItsBytesWentOut() throws Exception {
        Duration linger = Duration.ofMillis(200);
        TcpServerSession server = listen(TcpServerOptions.of(LOOPBACK, 0).withHalfCloseLinger(linger));
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        byte[] big = new byte[24 << 20]; // far more than the socket buffers hold: most of it waits
        new Random(3).nextBytes(big);
        try (TcpProbe peer = TcpProbe.connect(address)) {
            events.await(SessionEvent.Connected.class);
            server.sendTo(List.of(peer.localAddress()), big);
            CountDownLatch queued = new CountDownLatch(1);
            server.loop().execute(queued::countDown); // after the send's own task: the bytes are queued
            assertTrue(queued.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            long timersBefore = server.loop().timersRun();
            peer.shutdownOutput();
            events.await(SessionEvent.PeerFinished.class);

            // A window to count in, not a wait for something: nothing is to happen in it. Five
            // lingers: the linger that runs out while the bytes wait, and four more of spinning.
            Thread.sleep(linger.multipliedBy(5).toMillis());
            long timers = server.loop().timersRun() - timersBefore;
            assertTrue(timers < 10, timers + " timers ran on the loop while the bytes waited for the peer");
            assertTrue(events.all(SessionEvent.Disconnected.class).isEmpty(), "open while bytes wait for the peer");

            assertArrayEquals(big, peer.readExactly(big.length, Duration.ofSeconds(30)), "every byte arrived");
            SessionEvent.Data sent = events.await(SessionEvent.Data.class, d -> d.direction() == Direction.TX);
            SessionEvent.Disconnected closed = events.await(SessionEvent.Disconnected.class);
            assertEquals(CloseReason.PEER, closed.reason());
            assertTrue(closed.timeMillis() - sent.timeMillis() >= linger.toMillis() - 20,
                    "closed " + (closed.timeMillis() - sent.timeMillis()) + " ms after the last byte went out, not a linger");
            assertTrue(peer.awaitClosedByPeer(TIMEOUT));
        }
    }

    /** Clients closing by the hundred must not pile up as half-closed sockets: only a few linger. */
    @Test
    void onlyAFewFinishedClientsLingerAtOnce() throws Exception {
        TcpServerSession server = listen(TcpServerOptions.of(LOOPBACK, 0).withHalfCloseLinger(Duration.ofMinutes(5), 3));
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        for (int i = 0; i < 10; i++) {
            try (TcpProbe leaving = TcpProbe.connect(address)) {
                events.await(SessionEvent.Connected.class, c -> c.remote().equals(leaving.localAddress()));
            }
        }
        Await.until(() -> events.all(SessionEvent.PeerFinished.class).size() == 10, TIMEOUT, "all ten finished");
        Await.until(() -> server.clientCount() == 3, TIMEOUT, () -> "three linger: " + server.clientCount());
        assertEquals(7, events.all(SessionEvent.Disconnected.class).stream()
                .filter(d -> d.reason() == CloseReason.PEER).count(), "the first seven to finish were closed");
    }
}
