package io.socketdeck.core.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of time a tab's session was up, from a timeline's events: from the first
 * {@code OPENED} or {@code CONNECTED} of a session to its {@code CLOSED}. A server's clients come
 * and go inside its listening stretch; a client's stretch is its connection.
 */
public final class UpIntervals {

    /** From {@code startMillis} to {@code endMillis}; {@code open} when it has not ended yet (then end is now). */
    public record Interval(long startMillis, long endMillis, boolean open) {
    }

    private UpIntervals() {
    }

    /** The up stretches in {@code events} (oldest first), an unfinished one ending at {@code nowMillis}. */
    public static List<Interval> of(List<TimelineEvent> events, long nowMillis) {
        List<Interval> up = new ArrayList<>();
        long start = Long.MIN_VALUE;
        for (TimelineEvent event : events) {
            switch (event.kind()) {
                case OPENED, CONNECTED -> {
                    if (start == Long.MIN_VALUE) {
                        start = event.timeMillis();
                    }
                }
                case CLOSED -> {
                    if (start != Long.MIN_VALUE) {
                        up.add(new Interval(start, event.timeMillis(), false));
                        start = Long.MIN_VALUE;
                    }
                }
                default -> {
                }
            }
        }
        if (start != Long.MIN_VALUE) {
            up.add(new Interval(start, Math.max(start, nowMillis), true));
        }
        return up;
    }
}
