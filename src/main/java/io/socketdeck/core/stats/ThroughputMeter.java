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
