package io.socketdeck.bench;

import io.socketdeck.ui.fx.UiTick;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * A stretch of time whose FX pulses count for some figures (a flood, a storm of connects), with
 * what the JVM's garbage collectors and the window's own {@link UiTick} did meanwhile. Pulses
 * are attributed to a phase by the time they came, so a gap that ends inside it counts, with the
 * part of it that lies inside: what came before the phase began is not the phase's (the bench's
 * own heap measurement, three full collections, came right before a storm once, and its 250 ms
 * were counted as the storm's).
 */
final class UiPhase {

    /** Every pulse-gap maximum: the window must never stall longer, cold code included. */
    static final double MAX_GAP_TARGET_MS = 100;
    /** The same once warm: after the first seconds of a flood, the first round of a storm. */
    static final double WARM_MAX_GAP_TARGET_MS = 50;
    /** The FX thread's own work between two pulses: one 60 Hz frame. */
    static final double FX_WORK_TARGET_MS = 16;

    private final String name;
    private final long from;
    private final long gcBefore;
    private final UiTick tick;
    private long to = Long.MAX_VALUE;
    private long gcMillis;
    private long tickMaxWorkNanos;
    private long tickPulses;

    private UiPhase(String name, UiTick tick, long fromNanos) {
        this.name = name;
        this.tick = tick;
        this.gcBefore = gcMillisSoFar();
        this.from = fromNanos;
    }

    /** Starts a phase now; {@code tick} is the window's, whose own statistics start again. */
    static UiPhase begin(String name, UiTick tick) throws Exception {
        Fx.run(tick::resetStatistics);
        return new UiPhase(name, tick, System.nanoTime());
    }

    /**
     * A phase whose pulses count from {@code fromNanos} (a {@code System.nanoTime()} taken earlier,
     * before the window was shown), its collector pauses and the tick's statistics from now.
     */
    static UiPhase beginAt(String name, UiTick tick, long fromNanos) throws Exception {
        Fx.run(tick::resetStatistics);
        return new UiPhase(name, tick, fromNanos);
    }

    /** A phase from {@code fromNanos} to {@code toNanos}, ended, with no tick to read: for the meter's tests. */
    static UiPhase between(String name, long fromNanos, long toNanos) {
        UiPhase phase = new UiPhase(name, null, fromNanos);
        phase.to = toNanos;
        return phase;
    }

    /** Ends it now and notes what it saw. */
    UiPhase end(PulseGapMeter meter) throws Exception {
        to = System.nanoTime();
        gcMillis = gcMillisSoFar() - gcBefore;
        tickMaxWorkNanos = Fx.call(tick::maxWorkNanos);
        tickPulses = Fx.call(tick::pulses);
        PulseGapMeter.Stats stats = Fx.call(() -> meter.stats(List.of(this)));
        Figures.note(String.format("  %s (%.1f s): %s; the window's tick ran jobs in %d pulses, at most %.1f ms in one",
                name, (to - from) / 1e9, stats.describe(), tickPulses, tickMaxWorkNanos / 1e6));
        return this;
    }

    boolean contains(long pulseNanos) {
        return pulseNanos - from > 0 && pulseNanos - to <= 0;
    }

    /** The part inside this phase of the gap of {@code gapNanos} that ended with the pulse at {@code pulseNanos}. */
    long partInside(long pulseNanos, long gapNanos) {
        return Math.min(gapNanos, pulseNanos - from);
    }

    long gcMillis() {
        return gcMillis;
    }

    /**
     * Prints the pulse figures of {@code prefix}: over {@code all} phases (cold ones included) the
     * largest gap, its p99 and the FX thread's largest own work between two pulses; over the
     * {@code warm} phases (none: not printed) the largest gap again.
     */
    static void report(String prefix, PulseGapMeter meter, List<UiPhase> all, List<UiPhase> warm, String what)
            throws Exception {
        PulseGapMeter.Stats stats = Fx.call(() -> meter.stats(all));
        Figures.atMost(prefix + "_max_pulse_gap_ms", stats.maxGapMs(), MAX_GAP_TARGET_MS,
                "largest gap between FX pulses " + what + ", cold start of it included");
        Figures.print(prefix + "_p99_pulse_gap_ms", stats.p99GapMs(), "p99 of those gaps");
        Figures.atMost(prefix + "_fx_work_max_ms", stats.fxWorkMaxMs(), FX_WORK_TARGET_MS,
                "most FX-thread CPU time between two of those pulses (its own work, waiting excluded)");
        if (!warm.isEmpty()) {
            PulseGapMeter.Stats warmStats = Fx.call(() -> meter.stats(warm));
            Figures.atMost(prefix + "_after_warmup_max_pulse_gap_ms", warmStats.maxGapMs(), WARM_MAX_GAP_TARGET_MS,
                    "the largest gap once warm (" + warm.stream().map(p -> p.name).toList() + ")");
        }
    }

    private static long gcMillisSoFar() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
