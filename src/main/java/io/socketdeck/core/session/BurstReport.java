package io.socketdeck.core.session;

import java.util.concurrent.TimeUnit;

/**
 * Something a session refuses again and again under load (a reply it has no room to wait, a
 * datagram from one address too many, a read it has no room for), told as one event a burst: the
 * first of a burst schedules the report a second later, which gives how many there were and their
 * bytes, and the next one after it starts a new burst. A flood is then a row a second in the log,
 * not a row per refusal; and a burst not told yet when the session ends is told then, so none goes
 * untold. Made by {@link AbstractLoopSession#burstReport}. Loop thread only.
 */
public final class BurstReport {

    /** How long a burst lasts at most before it is told. */
    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Tells one burst. */
    public interface Report {
        void report(long count, long bytes);
    }

    /** Sets the session's timer for the burst's report. */
    public interface Timers {
        void schedule(long delayNanos, Runnable task);
    }

    private final Timers timers;
    private final Report report;
    /** Counted since the burst's first, not told yet. */
    private long count;
    private long bytes;

    /**
     * A session's own is made by {@link AbstractLoopSession#burstReport}, which also tells it at
     * the session's end; made here, nothing does that (a test's stand-in for a session).
     */
    public BurstReport(Timers timers, Report report) {
        this.timers = timers;
        this.report = report;
    }

    /** One more, of {@code length} bytes. */
    public void add(long length) {
        bytes += length;
        if (count++ == 0) {
            timers.schedule(PERIOD_NANOS, this::tell);
        }
    }

    /** What was counted and not told yet, told now; nothing when there is none. */
    void tell() {
        if (count == 0) {
            return; // told at the session's end already
        }
        long told = count;
        long toldBytes = bytes;
        count = 0;
        bytes = 0;
        report.report(told, toldBytes);
    }
}
