package io.socketdeck.core.udp;

import java.io.IOException;
import java.net.InetSocketAddress;

/** A target has no address of a family this socket can send to (IPv6 from an IPv4 socket). */
final class AddressFamilyException extends IOException {

    private static final long serialVersionUID = 1L;

    private final InetSocketAddress target;

    AddressFamilyException(InetSocketAddress target, String message) {
        super(message);
        this.target = target;
    }

    /** The address the target resolved to, which the socket cannot reach. */
    InetSocketAddress target() {
        return target;
    }
}
