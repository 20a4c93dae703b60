package io.socketdeck.bench;

import javafx.animation.AnimationTimer;

/**
 * Measures the largest gap between consecutive FX pulses: how long the window could not react.
 * Running it keeps pulses requested at the display rate, the way an animating UI would. FX thread.
 */
final class PulseGapMeter extends AnimationTimer {

    private long last;
    private long lastHandleNanos;
    private long lastLayoutEndNanos;
    private long maxGapNanos;
    private long pulses;

    /** Verbose diagnosis: called after each layout pass. */
    void layoutDone() {
        lastLayoutEndNanos = System.nanoTime();
    }

    @Override
    public void handle(long now) {
        long wall = System.nanoTime();
        if (Boolean.getBoolean("bench.verbose") && lastHandleNanos != 0 && wall - lastHandleNanos > 50_000_000L) {
            Figures.note(String.format("  fx work %.1f ms, then waited %.1f ms",
                    (lastLayoutEndNanos - lastHandleNanos) / 1e6, (wall - lastLayoutEndNanos) / 1e6));
        }
        lastHandleNanos = wall;
        if (last != 0) {
            maxGapNanos = Math.max(maxGapNanos, now - last);
            if (now - last > 50_000_000L && Boolean.getBoolean("bench.verbose")) {
                Figures.note(String.format("pulse gap %.1f ms at uptime %.3f s", (now - last) / 1e6,
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));
            }
        }
        last = now;
        pulses++;
    }

    /** Starts a fresh measurement. */
    void restart() {
        last = 0;
        maxGapNanos = 0;
        pulses = 0;
        start();
    }

    double maxGapMillis() {
        return maxGapNanos / 1e6;
    }

    long pulses() {
        return pulses;
    }
}
