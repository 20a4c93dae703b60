package io.socketdeck;

import io.socketdeck.ui.app.SocketDeckApp;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * The entry point. It does not extend {@link Application}, so the app also starts from a plain
 * classpath (a packaged jar) where the JavaFX launcher would refuse a main class that does.
 */
public final class Launcher {

    /**
     * JavaFX's own logger. Held here: java.util.logging keeps loggers weakly, and the filter must
     * outlive this method.
     */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        // From a plain jar JavaFX runs from the classpath, which it calls an "Unsupported JavaFX
        // configuration" at every start. That is how this jar is meant to run (mvn javafx:run and
        // an app image use modules); the notice would only worry a user. Other JavaFX warnings stay.
        JAVAFX_LOGGER.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
        StartupWarmup.begin();
        Application.launch(SocketDeckApp.class, args);
    }
}
