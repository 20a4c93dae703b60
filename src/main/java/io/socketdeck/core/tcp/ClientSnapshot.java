package io.socketdeck.core.tcp;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One connected client of a server at the moment it was read: for a client table that polls
 * now and then, rather than following every packet.
 *
 * @param remote            the client's address and port, unique among live connections
 * @param connectedAtMillis when the server accepted it, epoch milliseconds
 * @param rxBytes           bytes received from it so far
 * @param txBytes           bytes sent to it so far (writes completed)
 */
public record ClientSnapshot(InetSocketAddress remote, long connectedAtMillis, long rxBytes, long txBytes) {

    public ClientSnapshot {
        Objects.requireNonNull(remote, "remote");
    }
}
