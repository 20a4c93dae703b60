package io.socketdeck.ui.fx;

import java.util.logging.Logger;

/** Keeps JavaFX's notices that mean nothing for this app off the console. */
public final class JavaFxNotices {

    /**
     * JavaFX's own logger. Held here: java.util.logging keeps loggers weakly, and the filter must
     * outlive the launch.
     */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");
    /** JavaFX's controls' logger: its own filter, as a logger's filter does not reach its children. */
    private static final Logger CONTROLS_LOGGER = Logger.getLogger("javafx.scene.control");

    private JavaFxNotices() {
    }

    /** Before the toolkit starts; other JavaFX warnings stay. */
    public static void quiet() {
        // From a plain jar JavaFX runs from the classpath, which it calls an "Unsupported JavaFX
        // configuration" at every start. That is how the jar and the app image run (only mvn javafx:run
        // uses modules); the notice would only worry a user.
        JAVAFX_LOGGER.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
        // A list whose last row is in view and leaves room below it says so at INFO, up to hundreds
        // of times a second while a flood follows the log's tail ("index exceeds maxCellCount":
        // JavaFX compares a row index with pixels left); nothing is wrong, and a terminal should not
        // scroll, nor the FX thread spend its pulses formatting and printing it.
        CONTROLS_LOGGER.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("index exceeds maxCellCount"));
    }
}
