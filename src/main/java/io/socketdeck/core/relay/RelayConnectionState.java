package io.socketdeck.core.relay;

/** Where one relayed connection stands, for the connection table. */
public enum RelayConnectionState {
    /** The client is accepted and the relay is still looking up or connecting to the target. */
    CONNECTING,
    /** Both sides are connected and bytes flow both ways. */
    OPEN,
    /** One side finished sending (FIN); the other direction still flows. */
    HALF_CLOSED,
    /** The relay is on hold: bytes queue, nothing is forwarded. */
    HELD,
    /** A leg is stalled on purpose: the connection is open but that leg forwards nothing. */
    STALLED
}
