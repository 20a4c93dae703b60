package io.socketdeck.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-threaded reactor: one {@link Selector}, a queue of tasks from other threads and a few
 * timers, all run on the thread that calls {@link #run()}. One loop serves any number of
 * sessions (a client connection, a server and all its clients, UDP sockets) without a thread per
 * socket: a session has a loop of its own, or shares one of a {@link LoopGroup}.
 *
 * <p>Other threads never touch channels directly; they {@link #execute} a task on the loop.
 *
 * <p>Timers are precise to well under a millisecond although {@link Selector#select(long)} counts
 * whole milliseconds: the loop selects for the whole milliseconds that are left and parks for the
 * remainder (see {@link #selectOnce()}), so a 1 ms periodic send does not drift to 2 ms.
 *
 * <p>Several sessions may share one loop. Whatever a handler, task or timer throws, {@link Error}s
 * included, is caught here so the loop thread never dies with it: a handler is told through
 * {@link Handler#failed}, so the connection or session it belongs to can end with events; code
 * that owns tasks and timers guards them itself (see the sessions), and what still gets here is
 * logged. An out-of-memory error in the loop is rarely the loop's fault, and a dead loop thread
 * would leave every window on it stuck.
 */
public final class SelectorLoop implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(SelectorLoop.class);
    private static final long ONE_MILLI = 1_000_000L;

    /** Reacts to readiness of one registered channel. */
    @FunctionalInterface
    public interface Handler {
        void ready(SelectionKey key) throws IOException;

        /**
         * {@link #ready} threw {@code error}; the handler may end what it serves, with events.
         * Loop thread.
         *
         * @return true when handled (and logged); false lets the loop log it, cancel the key and
         *         close the channel
         */
        default boolean failed(SelectionKey key, Throwable error) {
            return false;
        }

        /**
         * {@code handler}, with what it throws handed to {@code failure} (which ends what it
         * serves, with events) instead of the loop's last resort.
         */
        static Handler endingWith(Handler handler, Consumer<Throwable> failure) {
            return new Handler() {
                @Override
                public void ready(SelectionKey key) throws IOException {
                    handler.ready(key);
                }

                @Override
                public boolean failed(SelectionKey key, Throwable error) {
                    failure.accept(error);
                    return true;
                }
            };
        }
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
    private final EndActions stopActions = new EndActions();
    /** Loop thread only: the keys of one dispatch, reused from select to select. */
    private SelectionKey[] readyKeys = new SelectionKey[64];
    private volatile boolean stopping;
    private volatile Thread loopThread;
    /** Timers run so far: written by the loop thread alone, so its increment is never lost. */
    private volatile long timersRun;

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
            unparkLoop();
        }
    }

    /** Registers a channel (loop thread only). */
    public SelectionKey register(SelectableChannel channel, int ops, Handler handler)
            throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /**
     * Finishes closing the channels closed on this loop since its last select. A channel closed
     * while registered keeps its socket, and so its port or its peer waiting for the FIN, until the
     * selector lets go of its key, which only a select does; a session that reports Closed must
     * have let go for real. Readiness of other channels seen here is left to the next select, which
     * sees it again. Loop thread only; safe inside a handler.
     */
    public void releaseClosedChannels() {
        try {
            selector.selectNow(key -> { });
        } catch (IOException | ClosedSelectorException e) {
            LOGGER.debug("releasing closed channels", e);
        }
        // That select consumed any wakeup sent meanwhile: let the next execute() wake the loop
        // again. A task queued before this line is seen anyway, as tasks are checked before a
        // blocking select.
        wakeupPending.set(false);
    }

    /**
     * How many timers have run on this loop so far; any thread. For tests of timers that must not
     * run at all while nothing happens (an idle window must cost nothing).
     */
    public long timersRun() {
        return timersRun;
    }

    /** Runs {@code task} on the loop thread after {@code delayNanos}; loop thread only. */
    public Timer schedule(long delayNanos, Runnable task) {
        ScheduledTask timer = new ScheduledTask(System.nanoTime() + delayNanos,
                timerSequence.getAndIncrement(), task);
        timers.add(timer);
        return timer;
    }

    /**
     * Runs {@code action} once when this loop has ended: on the loop thread after its last task, or
     * at once on the calling thread if the loop has already ended. Lets work scheduled on the loop
     * (periodic sends, file sends) learn that its timers will never fire. Safe from any thread.
     *
     * @return a handle whose {@code cancel} withdraws the action
     */
    public Timer whenStopped(Runnable action) {
        return stopActions.add(action);
    }

    /** Makes {@link #run()} return after the current iteration; safe from any thread. */
    public void stop() {
        stopping = true;
        selector.wakeup();
        unparkLoop();
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
            end();
        }
    }

    /**
     * Waits for readiness or the next timer. select(ms) sleeps whole milliseconds (and the OS adds
     * its timer slack), so it is asked only for the whole milliseconds left, rounded down; when less
     * than one is left the loop checks the sockets without waiting and parks for the rest. I/O that
     * arrives during such a park waits for it: at most a millisecond, and only when a timer is due.
     */
    private void selectOnce() {
        try {
            long timeoutNanos = nanosToNextTimer();
            int ready;
            if (!tasks.isEmpty() || stopping || timeoutNanos == 0) {
                ready = selector.selectNow();
            } else if (timeoutNanos < 0) {
                ready = selector.select();
            } else if (timeoutNanos >= ONE_MILLI) {
                ready = selector.select(timeoutNanos / ONE_MILLI);
            } else {
                ready = selector.selectNow();
                if (ready == 0 && tasks.isEmpty() && !stopping) {
                    LockSupport.parkNanos(this, timeoutNanos); // execute() and stop() unpark
                }
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

    /**
     * Handles the ready keys from a copy, so a handler may end a session and
     * {@link #releaseClosedChannels()} (which drops keys from the selected set) meanwhile.
     */
    private void dispatchSelected() {
        Set<SelectionKey> selected = selector.selectedKeys();
        readyKeys = selected.toArray(readyKeys);
        int count = selected.size();
        selected.clear();
        for (int i = 0; i < count; i++) {
            SelectionKey key = readyKeys[i];
            readyKeys[i] = null;
            if (!key.isValid()) {
                continue;
            }
            Handler handler = (Handler) key.attachment();
            try {
                handler.ready(key);
            } catch (Throwable e) {
                handlerFailed(key, handler, e);
            }
        }
    }

    /** A handler reports its own faults; this is the last line against a lost loop. */
    private static void handlerFailed(SelectionKey key, Handler handler, Throwable error) {
        boolean handled;
        try {
            handled = handler.failed(key, error);
        } catch (Throwable again) {
            error.addSuppressed(again);
            handled = false;
        }
        if (!handled) {
            log("handler failed on " + key.channel(), error);
            key.cancel();
            closeQuietly(key.channel());
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (Throwable e) {
                log("loop task failed", e);
            }
        }
    }

    /** An Error (a class that failed to load, out of memory) is logged as such, never as a warning. */
    private static void log(String what, Throwable error) {
        if (error instanceof Error) {
            LOGGER.error(what, error);
        } else {
            LOGGER.warn(what, error);
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().dueNanos - now <= 0) {
            ScheduledTask timer = timers.poll();
            if (!timer.cancelled) {
                timersRun++;
                try {
                    timer.task.run();
                } catch (Throwable e) {
                    log("timer failed", e);
                }
            }
        }
    }

    /** Nanoseconds until the next timer is due: 0 when one is due now, -1 when there is none. */
    private long nanosToNextTimer() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        if (timers.isEmpty()) {
            return -1;
        }
        return Math.max(0, timers.peek().dueNanos - System.nanoTime());
    }

    private void unparkLoop() {
        Thread thread = loopThread;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Marks the loop ended and runs the stop actions, once. */
    private void end() {
        stopActions.end();
    }

    /** True once the loop has finished (or was closed without running): tasks will never run. */
    public boolean hasEnded() {
        return stopActions.hasEnded();
    }

    /** Closes the selector and every channel still registered with it; ends the loop if it never ran. */
    @Override
    public void close() {
        end();
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
