package io.socketdeck.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-threaded reactor: one {@link Selector}, a queue of tasks from other threads and a few
 * timers, all run on the thread that calls {@link #run()}. One loop serves one client
 * connection, or a server and all its clients, without a thread per socket.
 *
 * <p>Other threads never touch channels directly; they {@link #execute} a task on the loop.
 */
public final class SelectorLoop implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(SelectorLoop.class);

    /** Reacts to readiness of one registered channel. */
    @FunctionalInterface
    public interface Handler {
        void ready(SelectionKey key) throws IOException;
    }

    /** A timer that can be cancelled before it fires. */
    public interface Timer {
        void cancel();
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<ScheduledTask> timers = new PriorityQueue<>();
    private final AtomicLong timerSequence = new AtomicLong();
    private volatile boolean stopping;
    private volatile Thread loopThread;

    public SelectorLoop() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    public Selector selector() {
        return selector;
    }

    /** True when called on the loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == loopThread;
    }

    /** Runs {@code task} on the loop thread, soon; safe from any thread. */
    public void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Registers a channel (loop thread only). */
    public SelectionKey register(SelectableChannel channel, int ops, Handler handler)
            throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /** Runs {@code task} on the loop thread after {@code delayNanos}; loop thread only. */
    public Timer schedule(long delayNanos, Runnable task) {
        ScheduledTask timer = new ScheduledTask(System.nanoTime() + delayNanos,
                timerSequence.getAndIncrement(), task);
        timers.add(timer);
        return timer;
    }

    /** Makes {@link #run()} return after the current iteration; safe from any thread. */
    public void stop() {
        stopping = true;
        selector.wakeup();
    }

    public boolean isStopping() {
        return stopping;
    }

    /** Runs the loop on the calling thread until {@link #stop()}. */
    public void run() {
        loopThread = Thread.currentThread();
        try {
            while (!stopping) {
                selectOnce();
                runTasks();
                runDueTimers();
            }
        } finally {
            runTasks(); // honour what was queued before stop, e.g. a final close
        }
    }

    private void selectOnce() {
        try {
            long timeoutMillis = millisToNextTimer();
            int ready;
            if (!tasks.isEmpty() || stopping) {
                ready = selector.selectNow();
            } else if (timeoutMillis < 0) {
                ready = selector.select();
            } else if (timeoutMillis == 0) {
                ready = selector.selectNow();
            } else {
                ready = selector.select(timeoutMillis);
            }
            wakeupPending.set(false);
            if (ready > 0) {
                dispatchSelected();
            }
        } catch (IOException e) {
            // Only a broken selector lands here; nothing sensible can continue.
            LOGGER.error("selector failed", e);
            stopping = true;
        }
    }

    private void dispatchSelected() {
        Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
        while (selected.hasNext()) {
            SelectionKey key = selected.next();
            selected.remove();
            if (!key.isValid()) {
                continue;
            }
            Handler handler = (Handler) key.attachment();
            try {
                handler.ready(key);
            } catch (IOException | RuntimeException e) {
                // A handler reports its own faults; this is the last line against a lost loop.
                LOGGER.warn("handler failed on {}", key.channel(), e);
                key.cancel();
                closeQuietly(key.channel());
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOGGER.warn("loop task failed", e);
            }
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().dueNanos - now <= 0) {
            ScheduledTask timer = timers.poll();
            if (!timer.cancelled) {
                try {
                    timer.task.run();
                } catch (RuntimeException e) {
                    LOGGER.warn("timer failed", e);
                }
            }
        }
    }

    private long millisToNextTimer() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        if (timers.isEmpty()) {
            return -1;
        }
        long nanos = timers.peek().dueNanos - System.nanoTime();
        return nanos <= 0 ? 0 : Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    /** Closes the selector and every channel still registered with it. */
    @Override
    public void close() {
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOGGER.debug("closing selector", e);
        }
    }

    public static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOGGER.debug("close failed", e);
        }
    }

    private static final class ScheduledTask implements Timer, Comparable<ScheduledTask> {
        final long dueNanos;
        final long sequence;
        final Runnable task;
        boolean cancelled;

        ScheduledTask(long dueNanos, long sequence, Runnable task) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(ScheduledTask other) {
            int byTime = Long.compare(dueNanos - other.dueNanos, 0);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
