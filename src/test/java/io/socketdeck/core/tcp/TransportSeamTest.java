package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.testsupport.TcpProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Transport} seam: a session given another transport (here one that XORs every byte,
 * standing in for TLS) reports the same events and counts as over plain TCP, while the bytes on
 * the wire are the transport's.
 */
class TransportSeamTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final LoopGroup group = new LoopGroup(1, LoopGroup.daemonThreads("transport-seam-test"));

    @AfterEach
    void closeGroup() throws InterruptedException {
        group.close();
        assertTrue(group.awaitTermination(TIMEOUT));
    }

    /** What one run of the client scenario saw, from the session and from the wire. */
    private record Run(List<Class<?>> eventKinds, TrafficCounters.Snapshot counts, byte[] rx, byte[] tx,
                       byte[] onTheWire, boolean oneIdThroughout) {
    }

    @Test
    void aClientOverAnotherTransportReportsWhatItReportsOverPlainTcp() throws Exception {
        byte[] big = new byte[1 << 20]; // more than a socket takes at once: writes wait for room
        new Random(8).nextBytes(big);
        List<byte[]> sends = List.of("hello ".getBytes(StandardCharsets.UTF_8), big,
                " 再见".getBytes(StandardCharsets.UTF_8));
        byte[] plain = concat(sends);

        Run overPlain = runClient(Transport.Factory.PLAIN, sends, plain.length);
        Run overXor = runClient(XorTransport::new, sends, plain.length);

        assertArrayEquals(plain, overPlain.onTheWire());
        assertArrayEquals(XorTransport.xor(plain), overXor.onTheWire(), "the transport's bytes are on the wire");
        for (Run run : List.of(overPlain, overXor)) {
            assertArrayEquals(plain, run.rx(), "received bytes are decoded");
            assertArrayEquals(plain, run.tx(), "TX events carry the application's bytes");
            assertEquals(List.of(SessionEvent.Connected.class, SessionEvent.Disconnected.class, SessionEvent.Closed.class),
                    run.eventKinds());
            assertTrue(run.oneIdThroughout(), "every event names the one connection");
        }
        assertEquals(overPlain.counts().txBytes(), overXor.counts().txBytes());
        assertEquals(overPlain.counts().txMessages(), overXor.counts().txMessages());
        assertEquals(overPlain.counts().rxBytes(), overXor.counts().rxBytes());
        assertEquals(plain.length, overXor.counts().rxBytes());
        assertEquals(sends.size(), overXor.counts().txMessages());
    }

    private Run runClient(Transport.Factory transports, List<byte[]> sends, int total) throws Exception {
        try (RawEchoPeer peer = new RawEchoPeer()) {
            RecordingListener events = new RecordingListener();
            TrafficCounters counters = new TrafficCounters();
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", peer.port()), events,
                    counters, group.next(), transports);
            client.start();
            long id = events.await(SessionEvent.Connected.class).connection();
            for (byte[] bytes : sends) {
                assertTrue(client.send(bytes));
            }
            byte[] rx = events.awaitBytes(Direction.RX, total);
            client.close();
            assertEquals(CloseReason.LOCAL, events.awaitClosed().reason());
            List<SessionEvent> all = events.events();
            boolean oneId = all.stream().allMatch(event -> !(event instanceof SessionEvent.Data data) || data.connection() == id)
                    && events.await(SessionEvent.Disconnected.class).connection() == id;
            List<Class<?>> kinds = all.stream().filter(event -> !(event instanceof SessionEvent.Data))
                    .<Class<?>>map(Object::getClass).toList();
            return new Run(kinds, counters.snapshot(), rx, events.bytes(Direction.TX), peer.received(total), oneId);
        }
    }

    @Test
    void aServerOverAnotherTransportDecodesItsClientsAndEncodesItsSends() throws Exception {
        RecordingListener events = new RecordingListener();
        TrafficCounters counters = new TrafficCounters();
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), events, counters,
                group.next(), XorTransport::new);
        server.start();
        try (TcpProbe client = TcpProbe.connect(events.await(SessionEvent.Opened.class).local())) {
            events.await(SessionEvent.Connected.class);
            byte[] ping = "ping 温度".getBytes(StandardCharsets.UTF_8);
            client.send(XorTransport.xor(ping));
            assertArrayEquals(ping, events.awaitBytes(Direction.RX, ping.length));

            byte[] pong = "pong".getBytes(StandardCharsets.US_ASCII);
            assertTrue(server.sendToAll(pong));
            assertArrayEquals(XorTransport.xor(pong), client.readExactly(pong.length, TIMEOUT));
            // A write is counted just after it returns, so the client may read it first: wait for the count.
            io.socketdeck.testsupport.Await.until(() -> server.clients().get(0).txBytes() == pong.length, TIMEOUT,
                    () -> "the pong counted as sent: " + server.clients().get(0).txBytes());
            ClientSnapshot seen = server.clients().get(0);
            assertEquals(ping.length, seen.rxBytes());
            assertEquals(pong.length, seen.txBytes());
            assertEquals(ping.length, counters.rxBytes());
        }
        server.close();
        events.awaitClosed();
        assertFalse(server.isOpen());
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }

    /** Accepts one connection and echoes the bytes exactly as they came over the wire, keeping a copy. */
    private static final class RawEchoPeer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, LOOPBACK);
        private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        private final Thread thread = new Thread(this::echo, "raw-echo-peer");

        RawEchoPeer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void echo() {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
                 OutputStream out = socket.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (wire) {
                        wire.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the session closed first
            }
        }

        /** The first {@code count} bytes that came over the wire. */
        byte[] received(int count) {
            synchronized (wire) {
                byte[] all = wire.toByteArray();
                return Arrays.copyOf(all, Math.min(count, all.length));
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            try {
                thread.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
