package io.socketdeck.core.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import io.socketdeck.core.text.EventTexts;
import io.socketdeck.core.text.Language;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.Blocking;
import io.socketdeck.testsupport.TcpProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a peer that vanished was never noticed while the connection was idle (no keepalive),
 * and after a send only after about 15 minutes, as a generic "connection timed out". Keepalive is
 * now on with short timings on every connection, and the system's timeout on an established
 * connection reads as the peer not responding.
 *
 * <p>A vanished peer cannot be made on loopback without root and a firewall, so the first part
 * reads the socket's keepalive timer from the kernel ({@code /proc/net/tcp}), and the second
 * hands the connection the kernel's own error through a transport over the real socket.
 */
class KeepAliveTest {

    private static final Duration TIMEOUT = RecordingListener.TIMEOUT;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Path PROC_NET_TCP = Path.of("/proc/net/tcp");
    private static final Path PROC_NET_TCP6 = Path.of("/proc/net/tcp6");
    /** {@code /proc/net/tcp} counts timer expiry in USER_HZ clock ticks: 100 a second on Linux. */
    private static final int TICKS_PER_SECOND = 100;

    private final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("keepalive-test"));
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeLoops() throws InterruptedException {
        loops.close();
        assertTrue(loops.awaitTermination(TIMEOUT));
    }

    @Test
    void theClientsSocketProbesAnIdlePeerWithinHalfAMinute() throws Exception {
        assumeTrue(Files.isReadable(PROC_NET_TCP), "Linux /proc/net/tcp");
        try (ServerSocket device = new ServerSocket(0, 1, LOOPBACK)) {
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", device.getLocalPort()),
                    events, new TrafficCounters(), loops.next());
            client.start();
            try (Socket accepted = Blocking.accept(device)) {
                events.await(SessionEvent.Connected.class);
                // The session's socket: from the port the device sees it on, to the device's port.
                Timer timer = Await.value(() -> timerOf(accepted.getPort(), device.getLocalPort()).orElse(null),
                        found -> found != null, TIMEOUT, "the connection in /proc/net/tcp");
                assertEquals(2, timer.kind(), "the keepalive timer runs (2), not none (0): " + timer);
                assertTrue(timer.ticks() > 0 && timer.ticks() <= 30 * TICKS_PER_SECOND,
                        "first probe within 30 s, not the system's 2 hours: " + timer);
            }
            client.close();
        }
    }

    @Test
    void theServersClientSocketsProbeToo() throws Exception {
        assumeTrue(Files.isReadable(PROC_NET_TCP), "Linux /proc/net/tcp");
        TcpServerSession server = new TcpServerSession(TcpServerOptions.of(LOOPBACK, 0), events,
                new TrafficCounters(), loops.next());
        server.start();
        InetSocketAddress address = events.await(SessionEvent.Opened.class).local();
        try (TcpProbe client = TcpProbe.connect(address)) {
            events.await(SessionEvent.Connected.class);
            Timer timer = Await.value(() -> timerOf(address.getPort(), client.localAddress().getPort()).orElse(null),
                    found -> found != null, TIMEOUT, "the accepted connection in /proc/net/tcp");
            assertEquals(2, timer.kind(), timer.toString());
            assertTrue(timer.ticks() <= 30 * TICKS_PER_SECOND, timer.toString());
        }
    }

    @Test
    void keepaliveCanBeTurnedOff() throws Exception {
        assumeTrue(Files.isReadable(PROC_NET_TCP), "Linux /proc/net/tcp");
        try (ServerSocket device = new ServerSocket(0, 1, LOOPBACK)) {
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", device.getLocalPort())
                    .withKeepAlive(KeepAlive.OFF), events, new TrafficCounters(), loops.next());
            client.start();
            try (Socket accepted = Blocking.accept(device)) {
                events.await(SessionEvent.Connected.class);
                Timer timer = Await.value(() -> timerOf(accepted.getPort(), device.getLocalPort()).orElse(null),
                        found -> found != null, TIMEOUT, "the connection in /proc/net/tcp");
                assertEquals(0, timer.kind(), timer.toString());
            }
            client.close();
        }
    }

    /** What the kernel says when keepalive probes or retransmissions go unanswered: ETIMEDOUT. */
    @Test
    void aTimeoutOnAnEstablishedConnectionReadsAsThePeerNotResponding() throws Exception {
        AtomicBoolean vanish = new AtomicBoolean();
        Transport.Factory timingOut = channel -> new Transport() {
            private final PlainTransport plain = new PlainTransport(channel);

            @Override
            public java.nio.channels.SocketChannel channel() {
                return channel;
            }

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (vanish.get()) {
                    throw new IOException("Connection timed out"); // the text of Linux's ETIMEDOUT
                }
                return plain.read(dst);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return plain.write(src);
            }

            @Override
            public void close(boolean abort) {
                plain.close(abort);
            }
        };
        try (ServerSocket device = new ServerSocket(0, 1, LOOPBACK)) {
            TcpClientSession client = new TcpClientSession(TcpClientOptions.of("127.0.0.1", device.getLocalPort()),
                    events, new TrafficCounters(), loops.next(), timingOut);
            client.start();
            try (Socket accepted = Blocking.accept(device)) {
                events.await(SessionEvent.Connected.class);
                vanish.set(true);
                accepted.getOutputStream().write(1); // wakes the read that meets the error
                SessionEvent.Failure failure = events.await(SessionEvent.Failure.class);
                assertEquals(FailureKind.PEER_NOT_RESPONDING, failure.kind());
                assertEquals(CloseReason.ERROR, events.awaitClosed().reason());
                Locale before = Language.current();
                try {
                    Language.use(Locale.ENGLISH);
                    String words = EventTexts.failure(failure);
                    assertTrue(words.startsWith("127.0.0.1:" + device.getLocalPort() + " is not responding"), words);
                    Language.use(Locale.SIMPLIFIED_CHINESE);
                    assertTrue(EventTexts.failure(failure).contains("没有响应"), EventTexts.failure(failure));
                } finally {
                    Language.use(before);
                }
            }
        }
    }

    /** The timer of the connection from local port {@code localPort} to {@code remotePort}, if listed. */
    private static Optional<Timer> timerOf(int localPort, int remotePort) {
        List<String> lines = new ArrayList<>();
        try {
            for (Path table : List.of(PROC_NET_TCP, PROC_NET_TCP6)) { // a dual-stack socket is listed as IPv6
                if (Files.isReadable(table)) {
                    List<String> rows = Files.readAllLines(table);
                    lines.addAll(rows.subList(1, rows.size()));
                }
            }
            for (String line : lines) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid ...
                int local = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16);
                int remote = Integer.parseInt(fields[2].substring(fields[2].indexOf(':') + 1), 16);
                if (local == localPort && remote == remotePort) {
                    String[] timer = fields[5].split(":");
                    return Optional.of(new Timer(Integer.parseInt(timer[0], 16), Long.parseLong(timer[1], 16)));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new AssertionError("cannot read the kernel's connection tables", e);
        }
    }

    /** A socket's pending timer: 0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe. */
    private record Timer(int kind, long ticks) {
    }
}
