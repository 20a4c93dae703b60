package io.socketdeck.ui.fx;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A model's own thread for the file work the FX thread must never wait on: opening, closing and
 * sizing a file, reading or writing one the user chose ({@link FileJobs}). Opening a named pipe
 * waits until something is at its other end, and a hung network mount or a slow stick can hold
 * any of these for seconds. One thread, so a model's opens and closes happen
 * in the order it asked for them; a daemon, so one stuck in the system for good never keeps the
 * application from exiting; it ends after a few idle seconds, so an idle tab holds no thread.
 */
public final class FileWorker {

    private static final long IDLE_SECONDS = 5;

    private FileWorker() {
    }

    /** A new worker named {@code name}; the model shuts it down with its tab. Its queue is what waits. */
    public static ThreadPoolExecutor create(String name) {
        ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, name);
                    thread.setDaemon(true);
                    return thread;
                });
        worker.allowCoreThreadTimeOut(true);
        return worker;
    }
}
