package io.socketdeck.core.tcp;

import java.net.InetAddress;
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
 */
public record TcpServerOptions(InetAddress bindAddress, int port, boolean reuseAddress, int maxClients,
                               int backlog, boolean noDelay, int readBufferSize) {

    public static final int DEFAULT_BACKLOG = 4096;
    public static final int UNLIMITED = 0;

    public TcpServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
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
    }

    /** Listens on {@code bindAddress:port} with address reuse, no client limit, TCP_NODELAY. */
    public static TcpServerOptions of(InetAddress bindAddress, int port) {
        return new TcpServerOptions(bindAddress, port, true, UNLIMITED, DEFAULT_BACKLOG, true,
                TcpClientOptions.DEFAULT_READ_BUFFER);
    }

    public TcpServerOptions withReuseAddress(boolean on) {
        return new TcpServerOptions(bindAddress, port, on, maxClients, backlog, noDelay, readBufferSize);
    }

    /** At most {@code limit} clients at a time; {@link #UNLIMITED} for no limit. */
    public TcpServerOptions withMaxClients(int limit) {
        return new TcpServerOptions(bindAddress, port, reuseAddress, limit, backlog, noDelay, readBufferSize);
    }
}
