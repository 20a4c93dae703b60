package io.socketdeck.core.tcp;

import io.socketdeck.core.options.SocketOptionSet;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a TCP server listens.
 *
 * @param bindAddress    the local address: a wildcard, loopback or one interface's address
 * @param port           0..65535; 0 lets the operating system pick a free port
 * @param reuseAddress   SO_REUSEADDR: on by default, so after Stop the same port can be listened
 *                       on again at once although the clients we closed leave TIME_WAIT entries
 * @param maxClients     connections beyond this many are refused at once; 0 means no limit but
 *                       the operating system's
 * @param backlog        connections the kernel may hold before we accept them. Large, because a
 *                       load test connects thousands at once and the JDK's default of 50 would
 *                       drop SYNs and stall clients for a second per retry; Linux caps it at
 *                       net.core.somaxconn
 * @param noDelay        TCP_NODELAY on every client, as in the client tab: small commands leave now
 * @param readBufferSize bytes per read; one buffer serves every client, as they are read in turn
 * @param keepAlive      TCP keepalive on every client, on by default
 * @param sendQueue      what may wait to be sent to one client that does not read
 * @param totalQueued    what may wait for all clients together, counted as {@code sendQueue} counts
 * @param halfCloseLinger how long a client that finished sending stays open while nothing is sent
 *                       to it (see {@link TcpClientOptions#halfCloseLinger()})
 * @param maxLingering   clients that finished sending kept open at once; beyond it the one that
 *                       finished first is closed, so clients that close by the thousand cannot
 *                       pile up as half-closed connections
 * @param socketOptions  buffers, linger and traffic class for every client; SO_REUSEPORT for the
 *                       listening socket
 */
public record TcpServerOptions(InetAddress bindAddress, int port, boolean reuseAddress, int maxClients,
                               int backlog, boolean noDelay, int readBufferSize, KeepAlive keepAlive,
                               SendQueueLimits sendQueue, long totalQueued, Duration halfCloseLinger,
                               int maxLingering, SocketOptionSet socketOptions) {

    public static final int DEFAULT_BACKLOG = 4096;
    public static final int UNLIMITED = 0;
    /** What all clients together may have waiting: 64 MiB, a stalled client's share of it at most 1 MiB. */
    public static final long DEFAULT_TOTAL_QUEUED_BYTES = 64L << 20;
    /** Half-closed clients kept open for an answer at once. */
    public static final int DEFAULT_MAX_LINGERING = 64;

    public TcpServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(sendQueue, "sendQueue");
        Objects.requireNonNull(halfCloseLinger, "halfCloseLinger");
        Objects.requireNonNull(socketOptions, "socketOptions");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxClients < 0) {
            throw new IllegalArgumentException("max clients must not be negative: " + maxClients);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be positive: " + backlog);
        }
        if (readBufferSize < 1) {
            throw new IllegalArgumentException("read buffer size must be positive: " + readBufferSize);
        }
        if (totalQueued < 1 || maxLingering < 0 || halfCloseLinger.isNegative()) {
            throw new IllegalArgumentException("queue total, lingering count and linger must not be negative");
        }
    }

    /** Listens on {@code bindAddress:port} with address reuse, no client limit, TCP_NODELAY, keepalive. */
    public static TcpServerOptions of(InetAddress bindAddress, int port) {
        return new TcpServerOptions(bindAddress, port, true, UNLIMITED, DEFAULT_BACKLOG, true,
                TcpClientOptions.DEFAULT_READ_BUFFER, KeepAlive.DEFAULT, SendQueueLimits.SERVER_CLIENT,
                DEFAULT_TOTAL_QUEUED_BYTES, TcpClientOptions.DEFAULT_HALF_CLOSE_LINGER, DEFAULT_MAX_LINGERING,
                SocketOptionSet.SYSTEM);
    }

    public TcpServerOptions withReuseAddress(boolean on) {
        return new TcpServerOptions(bindAddress, port, on, maxClients, backlog, noDelay, readBufferSize, keepAlive,
                sendQueue, totalQueued, halfCloseLinger, maxLingering, socketOptions);
    }

    /** At most {@code limit} clients at a time; {@link #UNLIMITED} for no limit. */
    public TcpServerOptions withMaxClients(int limit) {
        return new TcpServerOptions(bindAddress, port, reuseAddress, limit, backlog, noDelay, readBufferSize,
                keepAlive, sendQueue, totalQueued, halfCloseLinger, maxLingering, socketOptions);
    }

    public TcpServerOptions withKeepAlive(KeepAlive value) {
        return new TcpServerOptions(bindAddress, port, reuseAddress, maxClients, backlog, noDelay, readBufferSize,
                value, sendQueue, totalQueued, halfCloseLinger, maxLingering, socketOptions);
    }

    /** Per client {@code perClient}, all clients together {@code total} bytes. */
    public TcpServerOptions withSendQueue(SendQueueLimits perClient, long total) {
        return new TcpServerOptions(bindAddress, port, reuseAddress, maxClients, backlog, noDelay, readBufferSize,
                keepAlive, perClient, total, halfCloseLinger, maxLingering, socketOptions);
    }

    /** Clients that finished sending stay open {@code linger} while nothing is sent; zero closes them at once. */
    public TcpServerOptions withHalfCloseLinger(Duration linger) {
        return withHalfCloseLinger(linger, maxLingering);
    }

    /** As above, with at most {@code maxAtOnce} such clients kept open at a time. */
    public TcpServerOptions withHalfCloseLinger(Duration linger, int maxAtOnce) {
        return new TcpServerOptions(bindAddress, port, reuseAddress, maxClients, backlog, noDelay, readBufferSize,
                keepAlive, sendQueue, totalQueued, linger, maxAtOnce, socketOptions);
    }

    /** Nagle, keepalive and the other options each client gets. */
    public TcpSocketSettings socketSettings() {
        return new TcpSocketSettings(noDelay, keepAlive, socketOptions);
    }

    /** All the socket options at once: each client's, and SO_REUSEPORT for the listening socket. */
    public TcpServerOptions withSocketSettings(TcpSocketSettings value) {
        return new TcpServerOptions(bindAddress, port, reuseAddress, maxClients, backlog, value.noDelay(),
                readBufferSize, value.keepAlive(), sendQueue, totalQueued, halfCloseLinger, maxLingering, value.others());
    }
}
