package io.socketdeck.ui.log;

import io.socketdeck.ui.fx.IoWorkers;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-log work (decoding every row again, filtering, copying) on a worker over a copy of the
 * rows, its result handed back on the FX thread, with a flag the view shows while any runs. The FX
 * thread never scans a large log.
 */
final class BackgroundWork {

    private static final Logger LOGGER = LoggerFactory.getLogger(BackgroundWork.class);

    private final ReadOnlyBooleanWrapper busy;
    private int running;

    BackgroundWork(ReadOnlyBooleanWrapper busy) {
        this.busy = busy;
    }

    /** Runs {@code job} on a worker and gives its result to {@code done} on the FX thread. FX thread. */
    <T> void run(Callable<T> job, Consumer<T> done) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.call();
            }
        };
        task.setOnSucceeded(event -> {
            finished();
            done.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            finished();
            LOGGER.warn("background log work failed", task.getException());
        });
        running++;
        busy.set(true);
        IoWorkers.run(task);
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }
}
