package io.socketdeck.core.timeline;

import java.util.Objects;

/**
 * One mark on a connection's timeline.
 *
 * @param peer   the address concerned, as users type it; empty when none
 * @param detail the reason or the system's text, untranslated; empty when none
 */
public record TimelineEvent(long timeMillis, Kind kind, String peer, String detail) {

    /** What happened; the window words each kind in the user's language. */
    public enum Kind {
        /** A server listens, a UDP socket is bound. */
        OPENED,
        /** A connection is made (the client's, or a client of the server). */
        CONNECTED,
        /** A connection ended; the detail is why (PEER, RESET…). */
        DISCONNECTED,
        /** Something failed: refused, reset, timed out… the detail is the kind and the system's text. */
        FAILURE,
        /** A reconnect is planned; the detail is the attempt's number and its delay in ms. */
        RECONNECT,
        /** The session is over; the detail is why. */
        CLOSED
    }

    public TimelineEvent {
        Objects.requireNonNull(kind, "kind");
        peer = peer == null ? "" : peer;
        detail = detail == null ? "" : detail;
    }
}
