package io.socketdeck.core.session;

/**
 * One direction of a relayed connection. It lives here, beside the events that carry it, rather
 * than in {@code core.relay}: events must not depend on the engine that emits them.
 */
public enum Leg {
    /** From the client that connected to the relay towards the target. */
    UP,
    /** From the target back to the client. */
    DOWN;

    /** The other direction. */
    public Leg opposite() {
        return this == UP ? DOWN : UP;
    }
}
