package io.socketdeck.ui.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The windows a test made, each shut down once: by the test where that is part of what it
 * checks (a restart), and after it whatever happened (a failed assertion included), so that no
 * window's loops and files outlive a failing test.
 */
final class OpenWindows {

    private final List<MainWindow> open = new CopyOnWriteArrayList<>();

    /** Keeps {@code window} for shutting down; returns it. */
    MainWindow add(MainWindow window) {
        open.add(window);
        return window;
    }

    /** Shuts {@code window} down now, unless it was already. FX thread. */
    void shutdown(MainWindow window) {
        if (open.remove(window)) {
            window.shutdown();
        }
    }

    /** Shuts down every window not shut down yet, each even if another's shutdown fails. FX thread. */
    void shutdownAll() {
        Throwable first = null;
        for (MainWindow window : open) {
            try {
                shutdown(window);
            } catch (RuntimeException | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first != null) {
            throw (Error) first;
        }
    }
}
