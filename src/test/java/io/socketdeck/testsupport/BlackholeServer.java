package io.socketdeck.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback address where a TCP connect does not complete, for connect-timeout tests that never
 * leave the machine. A listening socket with backlog 1 is never accepted from; filler connections
 * fill its accept queue until a new connect does not finish within {@link #PROBE_TIMEOUT}. From
 * then on Linux drops further SYNs (accept queue full; {@code tcp_abort_on_overflow=0}), so a
 * client's connect hangs in SYN_SENT until its own timeout. The fillers stay open until
 * {@link #close()}.
 */
public final class BlackholeServer implements AutoCloseable {

    /** How long a probe connect may take before the address counts as a blackhole. */
    public static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);
    private static final int MAX_FILLERS = 64;

    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private final List<SocketChannel> fillers = new ArrayList<>();
    private volatile boolean closed;

    /** A blackhole on {@code 127.0.0.1}. */
    public BlackholeServer() throws IOException {
        this(Loopback.IPV4);
    }

    /** A blackhole on {@code HOST}; HOST must be {@code 127.0.0.1} or {@code ::1}. */
    public BlackholeServer(String host) throws IOException {
        server = ServerSocketChannel.open();
        try {
            server.bind(Loopback.anyPort(host), 1); // 1 is the smallest backlog Java passes on
            address = new InetSocketAddress(Loopback.address(host),
                    ((InetSocketAddress) server.getLocalAddress()).getPort());
            fill();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void fill() throws IOException {
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < MAX_FILLERS; i++) {
                SocketChannel ch = SocketChannel.open();
                ch.setOption(StandardSocketOptions.SO_LINGER, 0); // no TIME_WAIT on close
                ch.configureBlocking(false);
                boolean done;
                try {
                    done = ch.connect(address) || awaitConnect(selector, ch);
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                if (!done) {
                    ch.close(); // this one hung: the queue is full, nothing more needed
                    return;
                }
                fillers.add(ch);
            }
        }
        throw new IOException("accept queue of " + address + " did not fill with " + MAX_FILLERS
                + " connections: connects keep completing, so no blackhole on this machine");
    }

    private static boolean awaitConnect(Selector selector, SocketChannel ch) throws IOException {
        SelectionKey key = ch.register(selector, SelectionKey.OP_CONNECT);
        try {
            long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return ch.finishConnect();
                }
                selector.select(left);
                selector.selectedKeys().clear();
                if (ch.finishConnect()) {
                    return true;
                }
            }
        } finally {
            key.cancel();
            selector.selectNow(); // flush the cancelled key
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /** Connections that completed and now sit in the never-drained accept queue. */
    public int fillerCount() {
        return fillers.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SocketChannel ch : fillers) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
        fillers.clear();
        try {
            server.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "blackhole on " + address + " (" + fillers.size() + " fillers)";
    }
}
