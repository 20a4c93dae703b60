package io.socketdeck.core.io;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few {@link SelectorLoop}s shared by many sessions: a window with twenty tabs needs two I/O
 * threads, not twenty. Each loop runs on a thread it gets from the caller's {@link Executor}, so
 * the engine does not decide what a thread is: the UI wraps each loop in a background task, a
 * command line or a test passes {@link #daemonThreads}.
 *
 * <p>Sessions given a loop from {@link #next()} end on their own without stopping it; {@link
 * #close()} stops every loop, which ends every session still on them (each with its events).
 */
public final class LoopGroup implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(LoopGroup.class);

    private final List<SelectorLoop> loops;
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch finished;

    /**
     * Opens {@code size} loops and hands each to {@code executor} to run.
     *
     * @param executor runs each loop on a thread of its own until the loop stops; it must not run
     *                 the loop on the calling thread, which would never return
     * @throws java.util.concurrent.RejectedExecutionException when the executor refuses a loop;
     *                                                         the loops opened so far are closed
     */
    public LoopGroup(int size, Executor executor) {
        if (size < 1) {
            throw new IllegalArgumentException("a group needs at least one loop: " + size);
        }
        List<SelectorLoop> running = new ArrayList<>(size);
        finished = new CountDownLatch(size);
        for (int i = 0; i < size; i++) {
            SelectorLoop loop = new SelectorLoop();
            try {
                executor.execute(() -> runToEnd(loop));
            } catch (RuntimeException | Error e) {
                loop.close(); // never ran
                running.forEach(SelectorLoop::stop); // each closes itself on its own thread
                throw e;
            }
            running.add(loop);
        }
        loops = List.copyOf(running);
    }

    /** An executor that runs each task on a new daemon thread named {@code prefix-N}. */
    public static Executor daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        };
    }

    private void runToEnd(SelectorLoop loop) {
        try (loop) {
            loop.run();
        } catch (RuntimeException | Error e) {
            LOGGER.error("selector loop ended abnormally", e);
        } finally {
            finished.countDown();
        }
    }

    /** A loop for the next session, in turn. */
    public SelectorLoop next() {
        if (closed.get()) {
            throw new IllegalStateException("the loop group is closed");
        }
        return loops.get(Math.floorMod(nextIndex.getAndIncrement(), loops.size()));
    }

    /** The loops, in the order {@link #next()} hands them out. */
    public List<SelectorLoop> loops() {
        return loops;
    }

    /** Stops every loop; the sessions on them end with their events. Idempotent, any thread, never blocks. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            loops.forEach(SelectorLoop::stop);
        }
    }

    /** Waits until every loop has finished running after {@link #close()}; true when they have. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
