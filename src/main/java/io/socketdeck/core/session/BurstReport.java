package io.socketdeck.core.session;

import java.util.concurrent.TimeUnit;

/**
 * Something a session refuses again and again under load (a reply it has no room to wait, a
 * datagram from one address too many, a read it has no room for), told as one event a burst: the
 * first of a burst schedules the report a second later, which gives how many there were and their
 * bytes, and the next one after it starts a new burst. A flood is then a row a second in the log,
 * not a row per refusal; and a burst not told yet when the session ends is told then, so none goes
 * untold. Made by {@link AbstractLoopSession#burstReport}. Loop thread only.
 *
 * <p>What the user must see the moment it first happens (a rule that cannot build its reply) has
 * its first told at once instead, alone ({@link First#AT_ONCE}): then the rest of the burst a
 * period later with their count, and so each period while more come; a period with none ends the
 * burst, and the next one is told at once again. Still at most a row a period under a flood.
 */
public final class BurstReport {

    /** How long a burst lasts at most before it is told. */
    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** When the first of a burst is told. */
    public enum First {
        /** With the rest of its burst, a period later: one report a burst. */
        WITH_THE_REST,
        /** At once, alone (a count of 1); the rest of the burst a period later. */
        AT_ONCE
    }

    /** Tells one burst, or the first of it. */
    public interface Report {
        void report(long count, long bytes);
    }

    /** Sets the session's timer for the burst's report. */
    public interface Timers {
        void schedule(long delayNanos, Runnable task);
    }

    private final Timers timers;
    private final Report report;
    private final First first;
    /** Counted since the burst's first, or since it was last told, not told yet. */
    private long count;
    private long bytes;
    /** {@link First#AT_ONCE}: a period's timer is set; what comes before it fires is counted. */
    private boolean inPeriod;

    /**
     * A session's own is made by {@link AbstractLoopSession#burstReport}, which also tells it at
     * the session's end; made here, nothing does that (a test's stand-in for a session).
     */
    public BurstReport(Timers timers, Report report) {
        this(timers, First.WITH_THE_REST, report);
    }

    /** The same, with the first of a burst told as {@code first} says. */
    public BurstReport(Timers timers, First first, Report report) {
        this.timers = timers;
        this.first = first;
        this.report = report;
    }

    /** One more, of {@code length} bytes. */
    public void add(long length) {
        if (first == First.AT_ONCE) {
            if (!inPeriod) {
                inPeriod = true;
                timers.schedule(PERIOD_NANOS, this::periodEnded);
                report.report(1, length);
                return;
            }
        } else if (count == 0) {
            timers.schedule(PERIOD_NANOS, this::tell);
        }
        count++;
        bytes += length;
    }

    /** {@link First#AT_ONCE}: the period's count told, and another period set; none ends the burst. */
    private void periodEnded() {
        if (count == 0) {
            inPeriod = false; // the next is the first of a new burst
            return;
        }
        timers.schedule(PERIOD_NANOS, this::periodEnded);
        tell();
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
