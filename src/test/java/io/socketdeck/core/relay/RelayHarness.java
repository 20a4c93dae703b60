package io.socketdeck.core.relay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.io.LoopGroup;
import io.socketdeck.core.session.RecordingListener;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.session.TrafficCounters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A relay on a shared loop with its events recorded, and a plain target server, for the relay's
 * tests. Relayed events are counted, their bytes kept only when asked (a 100 MB flood must not be
 * kept twice in memory).
 */
final class RelayHarness implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final LoopGroup loops = new LoopGroup(1, LoopGroup.daemonThreads("relay-test"));
    final RecordingListener events = new RecordingListener();
    final TrafficCounters counters = new TrafficCounters();
    final AtomicLong relayedBytes = new AtomicLong();
    private final boolean keepRelayed;
    ServerSocket target;
    RelaySession relay;

    RelayHarness(boolean keepRelayed) {
        this.keepRelayed = keepRelayed;
    }

    /** A target listening on loopback, port 0; the test accepts on it. */
    ServerSocket target() throws IOException {
        target = new ServerSocket(0, 50, LOOPBACK);
        return target;
    }

    RelaySession start(RelayOptions options) {
        return start(options, relay -> { });
    }

    /** A relay set up by {@code beforeStart} (package-private settings) before it starts. */
    RelaySession start(RelayOptions options, Consumer<RelaySession> beforeStart) {
        relay = new RelaySession(options, event -> {
            if (event instanceof SessionEvent.Relayed relayed) {
                relayedBytes.addAndGet(relayed.bytes().length);
                if (!keepRelayed) {
                    return;
                }
            }
            events.onEvent(event);
        }, counters, loops.next());
        beforeStart.accept(relay);
        relay.start();
        events.await(SessionEvent.Opened.class);
        return relay;
    }

    /** A TCP relay from a free loopback port to the target. */
    RelaySession startTcp() {
        return start(RelayOptions.of(RelayProtocol.TCP, LOOPBACK, 0, "127.0.0.1", target.getLocalPort()));
    }

    Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        socket.connect(relay.localAddress(), (int) TIMEOUT.toMillis());
        return socket;
    }

    /** The target's side of the client's relayed connection. */
    Socket accept() throws IOException {
        target.setSoTimeout((int) TIMEOUT.toMillis());
        Socket accepted = target.accept();
        accepted.setSoTimeout((int) TIMEOUT.toMillis());
        accepted.setTcpNoDelay(true);
        return accepted;
    }

    InetSocketAddress targetAddress() {
        return new InetSocketAddress(LOOPBACK, target.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        if (relay != null) {
            relay.close();
        }
        if (target != null) {
            target.close();
        }
        loops.close();
        try {
            assertTrue(loops.awaitTermination(TIMEOUT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the loop ended", e);
        }
    }
}
