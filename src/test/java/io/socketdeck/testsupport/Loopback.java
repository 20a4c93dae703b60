package io.socketdeck.testsupport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Loopback-only address helpers shared by the peers (package-private). */
final class Loopback {

    static final String IPV4 = "127.0.0.1";
    static final String IPV6 = "::1";

    private Loopback() {
    }

    /** Parses a literal loopback address; anything else is refused so tests never leave the machine. */
    static InetAddress address(String host) {
        InetAddress address;
        try {
            // literal addresses only: never a DNS lookup
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                throw new IllegalArgumentException("not a literal loopback address: " + host);
            }
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a literal address: " + host, e);
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("not a loopback address: " + host);
        }
        return address;
    }

    static InetSocketAddress anyPort(String host) {
        return new InetSocketAddress(address(host), 0);
    }
}
