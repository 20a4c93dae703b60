package io.socketdeck.ui.fx;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Hands events from I/O threads to the FX thread, in order, on the window's {@link UiTick}:
 * nothing is ever dropped and nothing can clear it, because each event is a state change (a
 * connection opened or ended) that the window must follow exactly. A pulse delivers events until
 * the tick's budget is spent and the rest, still in order, on the next pulses. Display rows, which
 * may be dropped under a flood, go through an {@link FxPump} instead.
 */
public final class FxEventQueue<T> {

    /** Events delivered between two looks at the clock. */
    private static final int CHECK_EVERY = 64;

    private final UiTick tick;
    private final Queue<T> events = new ConcurrentLinkedQueue<>();
    private final Consumer<T> handler;
    private final UiTick.Handle job;

    public FxEventQueue(UiTick tick, Consumer<T> handler) {
        this.tick = tick;
        this.handler = handler;
        this.job = tick.add(now -> deliverWithinBudget());
    }

    /** Queues {@code event}; any thread. */
    public void offer(T event) {
        events.add(event);
        job.wake();
    }

    /** Delivers everything queued now instead of on the next pulses; FX thread. */
    public void flushNow() {
        T event;
        while ((event = events.poll()) != null) {
            handler.accept(event);
        }
    }

    private long deliverWithinBudget() {
        int delivered = 0;
        T event;
        while ((event = events.poll()) != null) {
            handler.accept(event);
            if (++delivered % CHECK_EVERY == 0 && tick.pulseSpent()) {
                return events.isEmpty() ? UiTick.IDLE : UiTick.NEXT_PULSE;
            }
        }
        return UiTick.IDLE;
    }
}
