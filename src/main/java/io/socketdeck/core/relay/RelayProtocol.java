package io.socketdeck.core.relay;

/** What a relay listens for and forwards. */
public enum RelayProtocol {
    /** A byte stream per accepted client, each with its own connection to the target. */
    TCP,
    /** Datagrams; each client address gets an upstream socket of its own towards the target. */
    UDP
}
