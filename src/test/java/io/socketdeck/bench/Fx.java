package io.socketdeck.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Starts the FX toolkit once (Monocle headless, from the bench profile's properties) and runs work on it. */
final class Fx {

    private static boolean started;

    private Fx() {
    }

    static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        Platform.startup(ready::countDown);
        Platform.setImplicitExit(false);
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX toolkit did not start");
        }
        started = true;
    }

    static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }
}
