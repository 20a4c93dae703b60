package io.socketdeck.ui.fx;

import io.socketdeck.core.util.BatchQueue;
import java.util.List;
import java.util.function.Consumer;

/**
 * Moves display rows from I/O threads to the FX thread in batches: a job on the window's
 * {@link UiTick}, so at most one drain per pulse, never one {@code Platform.runLater} per packet,
 * and nothing at all while nothing arrives. The queue may drop the oldest rows under a flood (see
 * {@link BatchQueue}); state changes travel on an {@link FxEventQueue} instead, which never drops.
 */
public final class FxPump<T> {

    private final BatchQueue<T> queue;
    private final Consumer<List<T>> sink;
    private final UiTick.Handle job;

    public FxPump(UiTick tick, BatchQueue<T> queue, Consumer<List<T>> sink) {
        this.queue = queue;
        this.sink = sink;
        this.job = tick.add(now -> drain());
    }

    /** Queues {@code item}; any thread. */
    public void offer(T item) {
        queue.offer(item);
        job.wake();
    }

    /** Delivers whatever is queued right now; FX thread only. Tests and shutdown use it. */
    public void flushNow() {
        drain();
    }

    /** Forgets queued items. */
    public void discardQueued() {
        queue.clear();
    }

    public long dropped() {
        return queue.dropped();
    }

    private long drain() {
        List<T> batch = queue.drain();
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
        return UiTick.IDLE; // the next offer wakes it
    }
}
