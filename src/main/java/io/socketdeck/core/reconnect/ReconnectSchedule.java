package io.socketdeck.core.reconnect;

import java.util.function.DoubleSupplier;

/**
 * The state of a client's reconnecting, driven by whoever owns the clock (the window's tick, or a
 * test's fake one): when a connection is lost it plans the next attempt, when a connection is made
 * it starts over from the first delay. Times are {@link System#nanoTime()}-like numbers from the
 * caller; nothing here reads a clock or starts a thread. Not thread-safe: one owner thread.
 */
public final class ReconnectSchedule {

    private static final long NONE = Long.MIN_VALUE;

    private final DoubleSupplier random;
    private int attempt;
    private long dueNanos = NONE;

    /** @param random numbers in [0, 1) for the jitter ({@code Math::random}, or fixed in a test) */
    public ReconnectSchedule(DoubleSupplier random) {
        this.random = random;
    }

    /**
     * A connection was lost or could not be made: plans the next attempt.
     *
     * @return when it is due
     */
    public long lost(Backoff backoff, long nowNanos) {
        attempt++;
        dueNanos = nowNanos + backoff.delayMillis(attempt, random.getAsDouble()) * 1_000_000L;
        return dueNanos;
    }

    /** A connection was made: the next loss starts over at the first delay. */
    public void connected() {
        attempt = 0;
        dueNanos = NONE;
    }

    /** The user cancelled, or reconnecting was switched off: nothing is planned and counting starts over. */
    public void cancel() {
        attempt = 0;
        dueNanos = NONE;
    }

    /** The planned attempt is being made now: it is no longer pending, the count stays. */
    public void attempting() {
        dueNanos = NONE;
    }

    public boolean pending() {
        return dueNanos != NONE;
    }

    /** The number of the planned (or last) attempt, from 1; 0 when none. */
    public int attempt() {
        return attempt;
    }

    /** When the planned attempt is due; only while {@link #pending()}. */
    public long dueNanos() {
        return dueNanos;
    }

    /** Whole seconds left until the attempt, rounded up (a countdown never shows 0 before it fires). */
    public long secondsLeft(long nowNanos) {
        if (!pending()) {
            return 0;
        }
        long left = dueNanos - nowNanos;
        return left <= 0 ? 0 : (left + 999_999_999L) / 1_000_000_000L;
    }
}
