package io.socketdeck.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run sessions: daemon, named, one per running session. Sessions block in a
 * selector, so a cached pool (not a fixed one) is right: a waiting session never starves another.
 * Owners close their sessions on exit; the threads then end, and being daemons never hold the
 * JVM open.
 */
public final class IoWorkers {

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(named());

    private IoWorkers() {
    }

    /** Runs other background work (saving a log, sending a file) off the FX thread. */
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
