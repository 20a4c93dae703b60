package io.socketdeck.ui.fx;

import io.socketdeck.core.util.BatchQueue;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Moves items from I/O threads to the FX thread in batches: at most one drain per pulse, never
 * one {@code Platform.runLater} per packet. An {@link AnimationTimer} does the draining so the
 * work is tied to pulses; it runs only while items arrive, so an idle window costs nothing.
 */
public final class FxPump<T> {

    private final BatchQueue<T> queue;
    private final Consumer<List<T>> sink;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainOnPulse();
        }
    };

    public FxPump(BatchQueue<T> queue, Consumer<List<T>> sink) {
        this.queue = queue;
        this.sink = sink;
    }

    /** Queues {@code item}; any thread. */
    public void offer(T item) {
        queue.offer(item);
        if (armed.compareAndSet(false, true)) {
            Platform.runLater(timer::start); // one hop per quiet-to-busy transition, not per item
        }
    }

    /** Delivers whatever is queued right now; FX thread only. Tests and shutdown use it. */
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

    private void drainOnPulse() {
        List<T> batch = queue.drain();
        if (!batch.isEmpty()) {
            sink.accept(batch);
            return; // keep the timer for the next pulse: more is likely on its way
        }
        timer.stop();
        armed.set(false);
        // An item offered between the drain and the reset saw armed == true and did not
        // schedule us: look once more.
        if (!queue.isEmpty() && armed.compareAndSet(false, true)) {
            timer.start();
        }
    }
}
