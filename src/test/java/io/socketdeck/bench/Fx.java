package io.socketdeck.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
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

    /**
     * Ends the toolkit (timers stop, the renderer finishes) and waits for the FX thread, so the
     * JVM can exit without a pulse racing the renderer's shutdown. Nothing when it never started.
     */
    static synchronized void shutdown() throws InterruptedException {
        if (!started) {
            return;
        }
        CompletableFuture<Thread> fxThread = new CompletableFuture<>();
        Platform.runLater(() -> {
            fxThread.complete(Thread.currentThread());
            Platform.exit();
        });
        try {
            fxThread.get(10, TimeUnit.SECONDS).join(10_000);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            Figures.note("the FX toolkit did not end: " + e);
        }
        started = false;
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

    /**
     * Waits until {@code condition}, checked on the FX thread once per pulse, holds: no sleeping,
     * and the check sees the window as the user would. Fails after {@code timeoutMillis}.
     */
    static void await(String what, long timeoutMillis, BooleanSupplier condition) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AnimationTimer check = new AnimationTimer() {
            @Override
            public void handle(long now) {
                try {
                    if (condition.getAsBoolean()) {
                        stop();
                        done.complete(null);
                    }
                } catch (RuntimeException | Error e) {
                    stop();
                    done.completeExceptionally(e);
                }
            }
        };
        Platform.runLater(check::start);
        try {
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Platform.runLater(check::stop);
            throw new IllegalStateException("not within " + timeoutMillis + " ms: " + what);
        }
    }
}
