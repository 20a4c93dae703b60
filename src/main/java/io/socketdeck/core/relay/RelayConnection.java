package io.socketdeck.core.relay;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One relayed connection (a UDP relay: one client address's flow) at the moment it was read: a
 * row of the connection table, which polls now and then rather than following every packet.
 *
 * @param id           the connection's id, as carried by its events
 * @param client       the client that connected to the relay
 * @param target       the target it is relayed to; null while still connecting
 * @param sinceMillis  when the client arrived, epoch milliseconds
 * @param upBytes      bytes read from the client so far (client to target)
 * @param downBytes    bytes read from the target so far (target to client)
 * @param state        where it stands
 * @param heldBytes    bytes read but not yet delivered, both legs together (hold, latency,
 *                     bandwidth, a slow reader)
 */
public record RelayConnection(long id, InetSocketAddress client, InetSocketAddress target, long sinceMillis,
                              long upBytes, long downBytes, RelayConnectionState state, long heldBytes) {

    public RelayConnection {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(state, "state");
    }
}
