package io.socketdeck.ui.fx;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Hands events from I/O threads to the FX thread, in order, on the window's {@link UiTick}:
 * nothing is ever dropped and nothing can clear it, because each event is a state change (a
 * connection opened or ended) that the window must follow exactly. Display rows, which may be
 * dropped under a flood, go through an {@link FxPump} instead.
 */
public final class FxEventQueue<T> {

    private final Queue<T> events = new ConcurrentLinkedQueue<>();
    private final Consumer<T> handler;
    private final UiTick.Handle job;

    public FxEventQueue(UiTick tick, Consumer<T> handler) {
        this.handler = handler;
        this.job = tick.add(now -> deliver());
    }

    /** Queues {@code event}; any thread. */
    public void offer(T event) {
        events.add(event);
        job.wake();
    }

    /** Delivers what is queued now instead of at the next pulse; FX thread. */
    public void flushNow() {
        deliver();
    }

    private long deliver() {
        T event;
        while ((event = events.poll()) != null) {
            handler.accept(event);
        }
        return UiTick.IDLE;
    }
}
