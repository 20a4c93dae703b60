package io.socketdeck.core.stats;

/**
 * Rates over one sampling interval, per second.
 *
 * @param endNanos   {@link System#nanoTime()}-style time at the end of the interval
 * @param seconds    length of the interval
 */
public record ThroughputSample(long endNanos, double seconds, double rxBytesPerSecond, double txBytesPerSecond,
                               double rxMessagesPerSecond, double txMessagesPerSecond) {

    /** Nothing measured yet. */
    public static final ThroughputSample NONE = new ThroughputSample(0, 0, 0, 0, 0, 0);
}
