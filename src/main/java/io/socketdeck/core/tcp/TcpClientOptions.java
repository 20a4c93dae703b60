package io.socketdeck.core.tcp;

import io.socketdeck.core.net.UnixSockets;
import io.socketdeck.core.options.SocketOptionSet;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a TCP client connects to and how.
 *
 * @param host           a name, an IPv4 literal or an IPv6 literal (brackets allowed), or
 *                       {@code unix:/path} for a Unix domain socket
 * @param port           1..65535; 0 for a Unix socket
 * @param connectTimeout how long to wait for the handshake
 * @param noDelay        TCP_NODELAY: on by default because people send small commands and want
 *                       them on the wire now, not after Nagle's delay
 * @param readBufferSize bytes per read; also the largest single RX event
 * @param keepAlive      TCP keepalive, on by default so a vanished peer is noticed while idle
 * @param sendQueue      what may wait to be sent when the peer does not read
 * @param halfCloseLinger how long the connection stays open, for our answer, after the peer
 *                       finished sending, while nothing is sent; zero closes it as soon as what
 *                       waits has gone out
 * @param localAddress   the local address and port to connect from, or null to let the system
 *                       pick both (a device that only answers a known source port needs one);
 *                       port 0 picks the port only
 * @param socketOptions  buffers, linger, traffic class asked for beyond the defaults
 */
public record TcpClientOptions(String host, int port, Duration connectTimeout, boolean noDelay, int readBufferSize,
                               KeepAlive keepAlive, SendQueueLimits sendQueue, Duration halfCloseLinger,
                               InetSocketAddress localAddress, SocketOptionSet socketOptions) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_READ_BUFFER = 64 * 1024;
    /**
     * A peer that shut its output (a request, then {@code shutdown}) may wait for an answer typed
     * by hand: a minute of quiet before the connection is closed for it.
     */
    public static final Duration DEFAULT_HALF_CLOSE_LINGER = Duration.ofSeconds(60);

    public TcpClientOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(sendQueue, "sendQueue");
        Objects.requireNonNull(halfCloseLinger, "halfCloseLinger");
        Objects.requireNonNull(socketOptions, "socketOptions");
        // A Unix socket (host unix:/path) has no port: 0.
        if ((port < 1 || port > 65_535) && !(port == 0 && UnixSockets.isUnixHost(host))) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
        }
        if (readBufferSize < 1) {
            throw new IllegalArgumentException("read buffer size must be positive: " + readBufferSize);
        }
        if (halfCloseLinger.isNegative()) {
            throw new IllegalArgumentException("half-close linger must not be negative: " + halfCloseLinger);
        }
    }

    /** With no options beyond the defaults. */
    public TcpClientOptions(String host, int port, Duration connectTimeout, boolean noDelay, int readBufferSize,
                            KeepAlive keepAlive, SendQueueLimits sendQueue, Duration halfCloseLinger,
                            InetSocketAddress localAddress) {
        this(host, port, connectTimeout, noDelay, readBufferSize, keepAlive, sendQueue, halfCloseLinger, localAddress,
                SocketOptionSet.SYSTEM);
    }

    public static TcpClientOptions of(String host, int port) {
        return new TcpClientOptions(host, port, DEFAULT_CONNECT_TIMEOUT, true, DEFAULT_READ_BUFFER, KeepAlive.DEFAULT,
                SendQueueLimits.CLIENT, DEFAULT_HALF_CLOSE_LINGER, null);
    }

    public TcpClientOptions withConnectTimeout(Duration timeout) {
        return new TcpClientOptions(host, port, timeout, noDelay, readBufferSize,
                keepAlive, sendQueue, halfCloseLinger, localAddress, socketOptions);
    }

    public TcpClientOptions withNoDelay(boolean on) {
        return new TcpClientOptions(host, port, connectTimeout, on, readBufferSize,
                keepAlive, sendQueue, halfCloseLinger, localAddress, socketOptions);
    }

    public TcpClientOptions withKeepAlive(KeepAlive value) {
        return new TcpClientOptions(host, port, connectTimeout, noDelay, readBufferSize,
                value, sendQueue, halfCloseLinger, localAddress, socketOptions);
    }

    public TcpClientOptions withSendQueue(SendQueueLimits value) {
        return new TcpClientOptions(host, port, connectTimeout, noDelay, readBufferSize,
                keepAlive, value, halfCloseLinger, localAddress, socketOptions);
    }

    public TcpClientOptions withHalfCloseLinger(Duration value) {
        return new TcpClientOptions(host, port, connectTimeout, noDelay, readBufferSize,
                keepAlive, sendQueue, value, localAddress, socketOptions);
    }

    /** Connects from {@code value} (address and port; port 0 lets the system pick it); null: from anywhere. */
    public TcpClientOptions withLocalAddress(InetSocketAddress value) {
        return new TcpClientOptions(host, port, connectTimeout, noDelay, readBufferSize, keepAlive, sendQueue,
                halfCloseLinger, value, socketOptions);
    }

    /** Nagle, keepalive and the other options as one, to set on the socket. */
    public TcpSocketSettings socketSettings() {
        return new TcpSocketSettings(noDelay, keepAlive, socketOptions);
    }

    /** All the socket options at once: Nagle, keepalive and the others. */
    public TcpClientOptions withSocketSettings(TcpSocketSettings value) {
        return new TcpClientOptions(host, port, connectTimeout, value.noDelay(), readBufferSize, value.keepAlive(),
                sendQueue, halfCloseLinger, localAddress, value.others());
    }
}
