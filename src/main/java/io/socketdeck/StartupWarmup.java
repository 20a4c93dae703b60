package io.socketdeck;

import io.socketdeck.ui.app.LogbackConfiguration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Work the window needs that can start before the window does: while the JavaFX toolkit starts
 * on one core, a daemon thread on the other sets up logging (a few hundred classes; the window's
 * first log line waits for it) and loads the window's classes (listed in
 * {@code startup-classes.txt}), without initializing any, which is safe on any thread. The
 * window then finds them loaded. Nothing waits for this thread, and it changes no state: if it
 * is slow or fails, the start is as it was without it.
 */
final class StartupWarmup {

    static final String CLASS_LIST = "startup-classes.txt";

    private StartupWarmup() {
    }

    static void begin() {
        Thread thread = new Thread(StartupWarmup::run, "socketdeck-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        LogbackConfiguration.startEarly();
        loadListedClasses();
    }

    /** Loads each listed class that exists; returns how many did. */
    static int loadListedClasses() {
        ClassLoader loader = StartupWarmup.class.getClassLoader();
        int loaded = 0;
        try (InputStream list = StartupWarmup.class.getResourceAsStream(CLASS_LIST)) {
            if (list == null) {
                return 0;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8));
            String name;
            while ((name = lines.readLine()) != null) {
                if (name.isBlank() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name.strip(), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // renamed or gone since the list was made: the window loads what it needs itself
                }
            }
        } catch (IOException e) {
            // the list is only a head start
        }
        return loaded;
    }
}
