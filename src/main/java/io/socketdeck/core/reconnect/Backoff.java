package io.socketdeck.core.reconnect;

import io.socketdeck.core.session.CloseReason;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a client waits before trying again: the delay doubles with every attempt from
 * {@code initial} up to {@code max}, then spreads by up to {@code jitter} of itself either way, so
 * that many clients dropped by one server restart do not all come back in the same millisecond.
 *
 * @param initial the delay before the first attempt; positive
 * @param max     the longest delay; not below {@code initial}
 * @param jitter  the spread, a fraction of the delay from 0 (none) to 1
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    /** Bounds of what a user may type: a delay of a day is a mistake, not a policy. */
    public static final long MAX_DELAY_MILLIS = 3_600_000;

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial delay must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max delay " + max + " below initial " + initial);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be from 0 to 1: " + jitter);
        }
    }

    /**
     * The delay before attempt {@code attempt}.
     *
     * @param attempt 1 for the first attempt after a loss, 2 for the next…
     * @param random  a number in [0, 1): where in the jitter's spread this delay falls (0.5: none)
     * @return milliseconds, never above {@link #max()} and never negative
     */
    public long delayMillis(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
        long maxMillis = max.toMillis();
        // Doubling stops at the cap long before 2^attempt could overflow.
        double base = initial.toMillis();
        for (int i = 1; i < attempt && base < maxMillis; i++) {
            base *= 2;
        }
        base = Math.min(base, maxMillis);
        double spread = base * jitter * (2 * random - 1);
        return Math.max(0, Math.min(maxMillis, Math.round(base + spread)));
    }

    /**
     * Whether a session that ended for {@code reason} is tried again: after the peer closed or
     * reset it, or it could not be made (refused, timed out, unknown host); never after our own
     * close (Disconnect, Reset, Cancel, exit).
     */
    public static boolean reconnectsAfter(CloseReason reason) {
        return switch (reason) {
            case PEER, RESET, ERROR -> true;
            case LOCAL, ABORTED, KICKED, SERVER_STOPPED, REJECTED -> false; // ABORTED: our own Reset
        };
    }
}
