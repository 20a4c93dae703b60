package io.socketdeck.core.log;

import java.util.HashMap;
import java.util.Map;

/**
 * The newest row of each recent error, by what it says and about whom, so that an error happening
 * again soon is counted in its row ("… (×312)") instead of becoming another: a stuck peer
 * provoking one failure per millisecond must not fill the log.
 *
 * <p>One per log, shared by the ingests of its sessions: a client reconnecting makes a session per
 * attempt, and a hundred refused attempts are one row, not a hundred. Any thread; sessions of one
 * log may run on different I/O threads, one after another.
 */
public final class RecentErrors {

    /**
     * A repeat within this time of its row's first appearance is counted in that row. After it, a
     * new row starts, so a repeat is never hidden in a row long scrolled away.
     */
    static final long REPEAT_WINDOW_MILLIS = 10_000;
    /** Distinct recent errors remembered for counting; many distinct ones only cost a row each. */
    static final int MAX_REMEMBERED = 256;

    private final Map<String, LogEntry> rows = new HashMap<>();

    /**
     * Counts the error {@code key} once more in the row it repeats, which is returned; or, when it
     * repeats none, remembers {@code row} as the row for it and returns null.
     */
    synchronized LogEntry repeatOrKeep(String key, LogEntry row) {
        LogEntry earlier = rows.get(key);
        if (earlier != null && row.timeMillis() - earlier.timeMillis() < REPEAT_WINDOW_MILLIS) {
            earlier.repeat();
            return earlier;
        }
        if (rows.size() >= MAX_REMEMBERED) {
            rows.clear();
        }
        rows.put(key, row);
        return null;
    }

    /** Forgets every row: the log was cleared, and a count must never go to a row no longer shown. */
    public synchronized void clear() {
        rows.clear();
    }
}
