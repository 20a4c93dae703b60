package io.socketdeck.core.session;

/** Which way bytes travelled, seen from this application. */
public enum Direction {
    /** Received from a peer. */
    RX,
    /** Sent to a peer. */
    TX
}
