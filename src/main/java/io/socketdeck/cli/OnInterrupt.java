package io.socketdeck.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl+C (SIGINT) while a command runs: a shutdown hook does {@code lastWords} (the summary so
 * far, files flushed) and the JVM exits with status 130, as it does on SIGINT. A command that ends
 * on its own {@link #close()}s this first, so its own exit status and last lines stand.
 */
final class OnInterrupt implements AutoCloseable {

    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook;

    private OnInterrupt(Runnable lastWords) {
        hook = new Thread(() -> {
            if (done.compareAndSet(false, true)) {
                lastWords.run();
            }
        }, "socketdeck-interrupt");
    }

    static OnInterrupt install(Runnable lastWords) {
        OnInterrupt onInterrupt = new OnInterrupt(lastWords);
        Runtime.getRuntime().addShutdownHook(onInterrupt.hook);
        return onInterrupt;
    }

    /** The command ended by itself: the hook does nothing from now on. */
    @Override
    public void close() {
        if (done.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C came as the command ended: the hook runs, finds it done and says nothing
            }
        }
    }
}
