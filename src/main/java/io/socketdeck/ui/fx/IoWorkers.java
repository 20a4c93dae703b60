package io.socketdeck.ui.fx;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * The window's background threads: daemon, named. The I/O loops every session shares run here,
 * each as a {@link Task} (see {@link #TASKS}), as do other jobs kept off the FX thread (saving a
 * log). A cached pool, not a fixed one: a loop blocks in its selector for the window's life.
 */
public final class IoWorkers {

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(named());

    /** Runs each job as a background {@link Task} on a worker thread. */
    public static final Executor TASKS = job -> EXECUTOR.execute(new Task<Void>() {
        @Override
        protected Void call() {
            job.run();
            return null;
        }
    });

    private IoWorkers() {
    }

    /** Runs background work (saving a log) off the FX thread. */
    public static void run(Runnable task) {
        EXECUTOR.execute(task);
    }

    private static ThreadFactory named() {
        return runnable -> {
            Thread thread = new Thread(runnable, "socketdeck-io-" + NEXT.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
