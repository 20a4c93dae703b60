package io.socketdeck.core.stats;

import io.socketdeck.core.session.TrafficCounters;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Live throughput from a tab's {@link TrafficCounters}: the caller's timer calls
 * {@link #sample(long)} about once a second with the current time, and the meter turns the
 * counter differences into rates. It keeps the last {@value #HISTORY} samples for the chart.
 *
 * <p>Time comes from the caller (a UI timeline passes {@link System#nanoTime()}, tests pass
 * numbers), so the meter needs no thread and no clock of its own. Rates divide by the real elapsed
 * time, so a late tick gives the right rate, not a spike. Thread-safe.
 */
public final class ThroughputMeter {

    public static final int HISTORY = 60;
    private static final long SECOND = 1_000_000_000L;

    private final Supplier<TrafficCounters.Snapshot> counters;
    private final ArrayDeque<ThroughputSample> history = new ArrayDeque<>(HISTORY);
    private TrafficCounters.Snapshot previous;
    private long previousNanos;
    private ThroughputSample current = ThroughputSample.NONE;

    public ThroughputMeter(TrafficCounters counters) {
        this(counters::snapshot);
    }

    public ThroughputMeter(Supplier<TrafficCounters.Snapshot> counters) {
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /**
     * Reads the counters at {@code nowNanos}. The first call only sets the starting point; each
     * later one adds a sample for the time since the previous call and returns it.
     */
    public synchronized ThroughputSample sample(long nowNanos) {
        TrafficCounters.Snapshot now = counters.get();
        if (previous == null) {
            previous = now;
            previousNanos = nowNanos;
            return current;
        }
        long elapsed = nowNanos - previousNanos;
        if (elapsed <= 0) {
            return current; // two ticks at one instant: nothing to divide by
        }
        double seconds = elapsed / 1e9;
        current = new ThroughputSample(nowNanos, seconds,
                delta(now.rxBytes(), previous.rxBytes()) / seconds,
                delta(now.txBytes(), previous.txBytes()) / seconds,
                delta(now.rxMessages(), previous.rxMessages()) / seconds,
                delta(now.txMessages(), previous.txMessages()) / seconds);
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(current);
        previous = now;
        previousNanos = nowNanos;
        return current;
    }

    /**
     * Accounts for a quiet spell nobody sampled (an idle window does not tick): a zero sample for
     * each whole second of it but the last, so the chart shows the quiet time; the next
     * {@link #sample} then measures the last second, with whatever arrived in it. Does nothing when
     * less than two seconds have passed since the last sample.
     */
    public synchronized void skipQuiet(long nowNanos) {
        if (previous == null) {
            return;
        }
        long quietSeconds = (nowNanos - previousNanos) / SECOND - 1;
        if (quietSeconds < 1) {
            return;
        }
        long shown = Math.min(quietSeconds, HISTORY);
        for (long i = quietSeconds - shown + 1; i <= quietSeconds; i++) {
            current = new ThroughputSample(previousNanos + i * SECOND, 1, 0, 0, 0, 0);
            if (history.size() == HISTORY) {
                history.removeFirst();
            }
            history.addLast(current);
        }
        previousNanos += quietSeconds * SECOND;
    }

    /** True when the latest rates and every kept sample are zero: a chart with nothing left to scroll. */
    public synchronized boolean isQuiet() {
        for (ThroughputSample sample : history) {
            if (!isZero(sample)) {
                return false;
            }
        }
        return isZero(current);
    }

    /** {@code System.nanoTime()} of the last sample (or of the start), for timing the next one. */
    public synchronized long lastSampleNanos() {
        return previousNanos;
    }

    private static boolean isZero(ThroughputSample sample) {
        return sample.rxBytesPerSecond() == 0 && sample.txBytesPerSecond() == 0
                && sample.rxMessagesPerSecond() == 0 && sample.txMessagesPerSecond() == 0;
    }

    /** The latest rates; {@link ThroughputSample#NONE} before the second {@link #sample}. */
    public synchronized ThroughputSample current() {
        return current;
    }

    /** Up to the last {@value #HISTORY} samples, oldest first. */
    public synchronized List<ThroughputSample> history() {
        return List.copyOf(history);
    }

    /** Forgets the samples and the starting point, e.g. when a new connection starts. */
    public synchronized void clear() {
        history.clear();
        previous = null;
        current = ThroughputSample.NONE;
    }

    /** A counter that went down was reset in between: what it counts now all came after the reset. */
    private static long delta(long now, long before) {
        return now >= before ? now - before : now;
    }
}
