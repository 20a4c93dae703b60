package io.socketdeck.core.stats;

import java.util.Arrays;

/**
 * A tab's round trips (see {@code RoundTrips}): how many, the fastest and slowest, and the median
 * and 99th percentile of the last {@value #WINDOW} (a long session's early answers do not hide
 * how it answers now). Recorded on I/O threads, summarized on the FX thread; thread-safe.
 */
public final class RoundTripStats {

    static final int WINDOW = 10_000;

    /** A summary; times in nanoseconds, all 0 when {@code count} is 0. */
    public record Summary(long count, long minNanos, long p50Nanos, long p99Nanos, long maxNanos) {
    }

    private final long[] recent = new long[WINDOW];
    private long count;
    private long min;
    private long max;

    public synchronized void record(long nanos) {
        recent[(int) (count % WINDOW)] = nanos;
        min = count == 0 ? nanos : Math.min(min, nanos);
        max = Math.max(max, nanos);
        count++;
    }

    public synchronized long count() {
        return count;
    }

    public Summary summary() {
        long[] sorted;
        long total;
        long fastest;
        long slowest;
        synchronized (this) {
            total = count;
            fastest = min;
            slowest = max;
            sorted = Arrays.copyOf(recent, (int) Math.min(count, WINDOW));
        }
        if (sorted.length == 0) {
            return new Summary(0, 0, 0, 0, 0);
        }
        Arrays.sort(sorted);
        return new Summary(total, fastest, percentile(sorted, 50), percentile(sorted, 99), slowest);
    }

    /** The nearest-rank percentile: the smallest sample with at least {@code p} % of them at or below it. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public synchronized void reset() {
        count = 0;
        min = 0;
        max = 0;
    }
}
