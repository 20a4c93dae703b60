package io.socketdeck.testsupport;

import java.net.InetSocketAddress;

/** A running echo server on loopback, whatever implements it. */
public interface EchoPeer extends AutoCloseable {

    InetSocketAddress address();

    /** What runs behind the address, e.g. {@code "python3 tcp_echo.py"} or {@code "java echo"}. */
    String description();

    default int port() {
        return address().getPort();
    }

    /** Stops the peer; idempotent, never throws. */
    @Override
    void close();
}
