package io.socketdeck.core.log;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.Unsent;
import java.util.EnumMap;
import java.util.Map;

/**
 * Folds a storm of one kind of event (clients connecting, clients leaving) into summary rows:
 * within each {@value #WINDOW_MILLIS} ms window the first {@value #SHOWN_PER_WINDOW} events are rows
 * of their own and the rest are counted, then said in one row ("1,234 more clients connected within
 * 0.4 s"). A few clients come and go as rows; ten thousand cost a few rows, not ten thousand, and a
 * user can still read the log. The capture and the tab's state see every event: this only words rows.
 *
 * <p>Not thread-safe: its {@link LogIngest} guards it.
 */
final class StormFolder {

    static final long WINDOW_MILLIS = 100;
    static final int SHOWN_PER_WINDOW = 50;

    private long windowStart;
    /** False until the first event: no window has started yet. */
    private boolean started;
    private int inWindow;
    private long folded;
    private long foldedFirstMillis;
    private long foldedLastMillis;
    private final Map<CloseReason, Long> reasons = new EnumMap<>(CloseReason.class);
    private long unsentSends;
    private long unsentBytes;

    /**
     * Counts an event at {@code timeMillis}.
     *
     * @return true when it is to be shown as a row of its own, false when it was folded
     */
    boolean admit(long timeMillis, CloseReason reason) {
        return admit(timeMillis, reason, Unsent.NONE);
    }

    /** Counts a departure at {@code timeMillis}, and what its end left unsent when it is folded. */
    boolean admit(long timeMillis, CloseReason reason, Unsent unsent) {
        if (!started || timeMillis - windowStart >= WINDOW_MILLIS || timeMillis < windowStart) {
            started = true;
            windowStart = timeMillis;
            inWindow = 0;
        }
        if (++inWindow <= SHOWN_PER_WINDOW) {
            return true;
        }
        if (folded == 0) {
            foldedFirstMillis = timeMillis;
        }
        folded++;
        foldedLastMillis = timeMillis;
        if (reason != null) {
            reasons.merge(reason, 1L, Long::sum);
        }
        unsentSends += unsent.sends();
        unsentBytes += unsent.bytes();
        return false;
    }

    /** Events folded and not yet said. */
    long folded() {
        return folded;
    }

    /** True when folded events wait and their window closed before {@code nowMillis}: time to say them. */
    boolean isDue(long nowMillis) {
        return folded > 0 && nowMillis - windowStart >= WINDOW_MILLIS;
    }

    /** The folded events since the last summary, and starts counting afresh. */
    Summary takeSummary() {
        Summary summary = new Summary(folded, foldedFirstMillis, foldedLastMillis, new EnumMap<>(reasons),
                unsentSends, unsentBytes);
        folded = 0;
        reasons.clear();
        unsentSends = 0;
        unsentBytes = 0;
        return summary;
    }

    /**
     * What was folded: how many, over which time, and (for departures) why, and the sends their
     * ends left unsent, with those sends' bytes not sent.
     */
    record Summary(long count, long firstMillis, long lastMillis, Map<CloseReason, Long> reasons, long unsentSends,
                   long unsentBytes) {
        double seconds() {
            return Math.max(0, lastMillis - firstMillis) / 1000.0;
        }
    }
}
