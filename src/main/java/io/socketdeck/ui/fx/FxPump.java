package io.socketdeck.ui.fx;

import io.socketdeck.core.util.BatchQueue;
import java.util.List;
import java.util.function.Consumer;

/**
 * Moves display rows from I/O threads to the FX thread in batches: a job on the window's
 * {@link UiTick}, so at most one drain per pulse, never one {@code Platform.runLater} per packet,
 * and nothing at all while nothing arrives. A pulse takes at most {@value #MAX_PER_PULSE} rows, in
 * one change to the list, and leaves the rest for the next pulse: a backlog costs many light pulses,
 * not one long one. The queue may drop the oldest rows under a flood (see {@link BatchQueue}); state
 * changes travel on an {@link FxEventQueue} instead, which never drops.
 */
public final class FxPump<T> {

    /**
     * Rows per pulse: about a millisecond of the sink's work here (appending to a bounded list),
     * and still a quarter of a million rows a second at 60 pulses, far more than anyone reads.
     */
    static final int MAX_PER_PULSE = 4_096;

    private final BatchQueue<T> queue;
    private final Consumer<List<T>> sink;
    private final UiTick.Handle job;

    public FxPump(UiTick tick, BatchQueue<T> queue, Consumer<List<T>> sink) {
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
        List<T> batch = queue.drain(MAX_PER_PULSE);
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
        return queue.isEmpty() ? UiTick.IDLE : UiTick.NEXT_PULSE; // an offer wakes it when idle
    }
}
