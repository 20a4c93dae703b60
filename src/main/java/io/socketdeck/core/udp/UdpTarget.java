package io.socketdeck.core.udp;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a datagram goes, as the user gave it: a name or an IP literal, and a port. The session
 * resolves it on its own thread, to an address of the socket's family.
 */
public record UdpTarget(String host, int port) {

    public UdpTarget {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A target for an address already known, e.g. the last sender: resolving it is a no-op. */
    public static UdpTarget of(InetSocketAddress address) {
        return new UdpTarget(address.getAddress().getHostAddress(), address.getPort());
    }
}
