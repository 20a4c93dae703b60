package io.socketdeck.ui.fx;

import io.socketdeck.core.util.BatchQueue;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Consumer;

/**
 * Moves display rows from I/O threads to the FX thread in batches: a job on the window's
 * {@link UiTick}, so at most one drain per pulse, never one {@code Platform.runLater} per packet,
 * and nothing at all while nothing arrives. A pulse takes, in one change to the list, as many rows
 * as fit in what is left of the tick's budget at the sink's recent pace, at most {@value
 * #MAX_PER_PULSE}, and leaves the rest for the next pulse: a backlog costs many light pulses, not
 * one long one, even while the sink's code is still cold (interpreted, a row costs a hundred times
 * what it costs compiled). The queue may drop the oldest rows under a flood (see {@link
 * BatchQueue}); state changes travel on an {@link FxEventQueue} instead, which never drops.
 */
public final class FxPump<T> {

    /**
     * The most rows a pulse takes: about a millisecond of the warm sink's work here (appending to a
     * bounded list), and still a quarter of a million rows a second at 60 pulses, far more than
     * anyone reads.
     */
    static final int MAX_PER_PULSE = 4_096;
    /** Rows a pulse takes however little budget is left: a flood always moves. */
    static final int MIN_PER_PULSE = 16;
    /**
     * The pace assumed before the sink was ever timed: 64 rows in the budget, about what a cold
     * sink manages; the first timed drains raise it to what the sink really does.
     */
    private static final double FIRST_NANOS_PER_ROW = UiTick.PULSE_BUDGET_NANOS / 64.0;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final UiTick tick;
    private final BatchQueue<T> queue;
    private final Consumer<List<T>> sink;
    private final UiTick.Handle job;
    /** The sink's recent cost per row, smoothed over drains; FX thread. */
    private double nanosPerRow = FIRST_NANOS_PER_ROW;

    public FxPump(UiTick tick, BatchQueue<T> queue, Consumer<List<T>> sink) {
        this.tick = tick;
        this.queue = queue;
        this.sink = sink;
        this.job = tick.add(now -> drainOnPulse());
    }

    /** Queues {@code item}; any thread. */
    public void offer(T item) {
        queue.offer(item);
        job.wake();
    }

    /** Delivers whatever is queued right now, budget or not; FX thread only. Tests and shutdown use it. */
    public void flushNow() {
        List<T> batch = queue.drain();
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /** Forgets queued items. */
    public void discardQueued() {
        queue.clear();
    }

    public long dropped() {
        return queue.dropped();
    }

    private long drainOnPulse() {
        List<T> batch = queue.drain(rowsThatFit());
        if (!batch.isEmpty()) {
            // The FX thread's own time, not the clock's: a drain during which the thread waited for
            // a core or a collection took longer without costing more, and smaller batches would
            // not make that wait shorter.
            long start = THREADS.getCurrentThreadCpuTime();
            sink.accept(batch);
            // Half the old pace, half this drain's: the pace follows the JIT within a few pulses.
            nanosPerRow = (nanosPerRow + (double) (THREADS.getCurrentThreadCpuTime() - start) / batch.size()) / 2;
        }
        return queue.isEmpty() ? UiTick.IDLE : UiTick.NEXT_PULSE; // an offer wakes it when idle
    }

    /**
     * The rows the sink takes in what is left of this pulse's budget at its recent pace. A thread
     * clock coarser than a drain (Windows counts in 15.6 ms steps) measures many drains as free:
     * the pace then falls towards nothing and a pulse takes the most rows, as it did before.
     */
    private int rowsThatFit() {
        double fit = Math.max(0, tick.budgetLeftNanos()) / Math.max(1, nanosPerRow);
        return (int) Math.max(MIN_PER_PULSE, Math.min(MAX_PER_PULSE, fit));
    }
}
