package io.socketdeck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Records every FX pulse while it runs: the gap since the pulse before (how long the window
 * could not react) and the FX thread's own CPU time in that gap (the pulse's animation, CSS,
 * layout and sync, plus whatever ran between pulses). A gap much longer than that CPU time was
 * spent waiting: for a core, for the renderer, for a GC pause. Running it keeps pulses requested
 * at the display rate, the way an animating UI would.
 *
 * <p>Started once, before the window is built, so its timer is the first of each pulse and no
 * pulse of the window's life is missed; phases are then cut from the record by time
 * ({@link #stats}). Records on the FX thread; read it there too ({@code Fx.call}).
 */
final class PulseGapMeter extends AnimationTimer {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * With -Dbench.verbose=true each long gap (over 50 ms), and each gap whose FX work is over the
     * target, is noted with who had the cores meanwhile.
     */
    private static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");
    private final BusyThreads busy = new BusyThreads();

    /** Pulse time ({@code now}), gap before it, FX CPU in that gap, FX CPU from pulse start to its layout's end. */
    private long[] at = new long[8192];
    private long[] gap = new long[8192];
    private long[] cpu = new long[8192];
    private long[] layoutCpu = new long[8192];
    private int count;
    private long lastNow;
    private long lastCpu;
    /** When the first layout pass this meter saw ended: the window's first frame. */
    private long firstLayoutNanos;

    /** Called after each layout pass (a scene's post-layout pulse listener). */
    void layoutDone() {
        if (firstLayoutNanos == 0) {
            firstLayoutNanos = System.nanoTime();
        }
        if (count > 0 && layoutCpu[count - 1] < 0) {
            layoutCpu[count - 1] = THREADS.getCurrentThreadCpuTime() - lastCpu;
        }
    }

    @Override
    public void handle(long now) {
        long cpuNow = THREADS.getCurrentThreadCpuTime();
        if (lastNow != 0) {
            if (count == at.length) {
                int size = count * 2;
                at = Arrays.copyOf(at, size);
                gap = Arrays.copyOf(gap, size);
                cpu = Arrays.copyOf(cpu, size);
                layoutCpu = Arrays.copyOf(layoutCpu, size);
            }
            at[count] = now;
            gap[count] = now - lastNow;
            cpu[count] = cpuNow - lastCpu;
            layoutCpu[count] = -1;
            if (VERBOSE && (gap[count] > 50_000_000L || cpu[count] > UiPhase.FX_WORK_TARGET_MS * 1e6)) {
                Figures.note(String.format("pulse gap %.1f ms (FX CPU in it %.1f ms) at uptime %.3f s; %s", gap[count] / 1e6,
                        cpu[count] / 1e6, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, busy.since()));
            } else if (VERBOSE) {
                busy.mark(); // the next long gap is described from here
            }
            count++;
        }
        lastNow = now;
        lastCpu = cpuNow;
    }

    /** When the first layout pass ended ({@code System.nanoTime()}), 0 before it. FX thread. */
    long firstLayoutNanos() {
        return firstLayoutNanos;
    }

    /** What the pulses of some phases showed. */
    record Stats(int pulses, double maxGapMs, double p99GapMs, double fxWorkMaxMs, double layoutWorkMaxMs,
                 double gcMs) {

        String describe() {
            return String.format("%d pulses, gap max %.1f ms, p99 %.1f ms; FX CPU in the worst gap %.1f ms"
                    + " (pulse start to layout end at most %.1f ms); GC pauses %.0f ms in all", pulses, maxGapMs, p99GapMs,
                    fxWorkMaxMs, layoutWorkMaxMs, gcMs);
        }
    }

    /** The pulses that came during {@code phases} (their union). FX thread. */
    Stats stats(List<UiPhase> phases) {
        long[] gaps = new long[count];
        int n = 0;
        long maxCpu = 0;
        long maxLayout = 0;
        for (int i = 0; i < count; i++) {
            for (UiPhase phase : phases) {
                if (phase.contains(at[i])) {
                    gaps[n++] = phase.partInside(at[i], gap[i]);
                    maxCpu = Math.max(maxCpu, cpu[i]);
                    maxLayout = Math.max(maxLayout, layoutCpu[i]);
                    break;
                }
            }
        }
        if (n == 0) {
            throw new IllegalStateException("no pulse during the phase: the meter measured nothing");
        }
        long[] sorted = Arrays.copyOf(gaps, n);
        Arrays.sort(sorted);
        double p99 = sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)];
        double gc = phases.stream().mapToLong(UiPhase::gcMillis).sum();
        return new Stats(n, sorted[n - 1] / 1e6, p99 / 1e6, maxCpu / 1e6, maxLayout / 1e6, gc);
    }
}
