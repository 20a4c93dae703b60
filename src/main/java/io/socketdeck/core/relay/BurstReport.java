package io.socketdeck.core.relay;

import java.util.concurrent.TimeUnit;

/**
 * Something a relay refuses again and again under load (a datagram from one address too many, a
 * read it has no room for), told as one event a burst: the first of a burst schedules the report
 * a second later, which gives how many there were and their bytes, and the next one after it
 * starts a new burst. A flood is then a row a second in the log, not a row per datagram, and none
 * goes untold. Loop thread only.
 */
final class BurstReport {

    /** How long a burst lasts at most before it is told. */
    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Tells one burst. */
    interface Report {
        void report(long count, long bytes);
    }

    private final RelayContext context;
    private final Report report;
    /** Counted since the burst's first, not told yet. */
    private long count;
    private long bytes;

    BurstReport(RelayContext context, Report report) {
        this.context = context;
        this.report = report;
    }

    /** One more, of {@code length} bytes. */
    void add(long length) {
        bytes += length;
        if (count++ == 0) {
            context.schedule(PERIOD_NANOS, this::tell);
        }
    }

    private void tell() {
        long told = count;
        long toldBytes = bytes;
        count = 0;
        bytes = 0;
        report.report(told, toldBytes);
    }
}
