package io.socketdeck.core.session;

import java.util.concurrent.TimeUnit;

/**
 * Pairs a send with the answer to it, for one peer: the first message that peer completes within
 * {@link #TIMEOUT_NANOS} of a send of ours (any: typed, repeated, a quick command, an automatic
 * answer, after which a peer in a request/response exchange sends its next request) took that long
 * to come back. One send, one round trip: a second message before the next send is not paired.
 * I/O thread only.
 */
public final class RoundTrips {

    /** How long an answer may take and still be paired with the send before it. */
    public static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** No round trip: not an answer, or not in time. */
    public static final long NONE = -1;

    private long sentNanos;
    private boolean waiting;

    /** A send of ours was handed to the socket now. */
    public void sent(long nowNanos) {
        sentNanos = nowNanos;
        waiting = true;
    }

    /** A message from the peer is complete now; the clock is read only when a send waits for it. */
    public long receivedNow() {
        return waiting ? received(System.nanoTime()) : NONE;
    }

    /** A message from the peer is complete at {@code nowNanos}: its round trip, or {@link #NONE}. */
    public long received(long nowNanos) {
        if (!waiting) {
            return NONE;
        }
        waiting = false;
        long took = nowNanos - sentNanos;
        return took <= TIMEOUT_NANOS ? took : NONE;
    }
}
