package io.socketdeck.cli;

/**
 * Paces a generator at a rate: message {@code k} (from 0) is due at {@code start + k / rate}, so
 * the schedule never drifts by the time each send takes, and a generator that asks before it
 * sends never gets ahead of it: by {@code t} seconds after the start at most
 * {@code floor(t * rate) + 1} messages are allowed. A generator that fell more than a second
 * behind (the machine was busy) is not allowed to burst the whole backlog: the schedule restarts
 * from now, as the window's repeat send does. Not thread-safe: one per sending thread or loop.
 */
final class Pacer {

    /** More than this many nanoseconds behind, the schedule restarts instead of catching up. */
    static final long MAX_CATCH_UP_NANOS = 1_000_000_000L;

    private final double nanosPerMessage;
    private long startNanos;
    /** Messages counted before the last restart of the schedule. */
    private long base;

    /** @param perSecond messages a second, more than 0 */
    Pacer(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.nanosPerMessage = 1e9 / perSecond;
    }

    void start(long nowNanos) {
        startNanos = nowNanos;
        base = 0;
    }

    /**
     * How many messages in all may have been sent by {@code nowNanos}, given that {@code sent}
     * have been: never less than {@code sent}.
     */
    long allowed(long sent, long nowNanos) {
        long due = base + (long) ((nowNanos - startNanos) / nanosPerMessage) + 1;
        if (due - sent > Math.max(1, (long) (MAX_CATCH_UP_NANOS / nanosPerMessage))) {
            startNanos = nowNanos; // far behind: go on at the rate from here, no burst
            base = sent;
            return sent + 1;
        }
        return Math.max(sent, due);
    }

    /** Nanoseconds from {@code nowNanos} until message number {@code sent} (from 0) is due; 0 when it is. */
    long waitFor(long sent, long nowNanos) {
        long due = startNanos + (long) Math.ceil((sent - base) * nanosPerMessage);
        return Math.max(0, due - nowNanos);
    }
}
