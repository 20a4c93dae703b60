package io.socketdeck.core.tcp;

import java.time.Duration;
import java.util.Objects;

/**
 * What a TCP client connects to and how.
 *
 * @param host           a name, an IPv4 literal or an IPv6 literal (brackets allowed)
 * @param port           1..65535
 * @param connectTimeout how long to wait for the handshake
 * @param noDelay        TCP_NODELAY: on by default because people send small commands and want
 *                       them on the wire now, not after Nagle's delay
 * @param readBufferSize bytes per read; also the largest single RX event
 */
public record TcpClientOptions(String host, int port, Duration connectTimeout, boolean noDelay, int readBufferSize) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_READ_BUFFER = 64 * 1024;

    public TcpClientOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
        }
        if (readBufferSize < 1) {
            throw new IllegalArgumentException("read buffer size must be positive: " + readBufferSize);
        }
    }

    public static TcpClientOptions of(String host, int port) {
        return new TcpClientOptions(host, port, DEFAULT_CONNECT_TIMEOUT, true, DEFAULT_READ_BUFFER);
    }

    public TcpClientOptions withConnectTimeout(Duration timeout) {
        return new TcpClientOptions(host, port, timeout, noDelay, readBufferSize);
    }

    public TcpClientOptions withNoDelay(boolean on) {
        return new TcpClientOptions(host, port, connectTimeout, on, readBufferSize);
    }
}
