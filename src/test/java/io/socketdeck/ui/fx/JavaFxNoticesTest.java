package io.socketdeck.ui.fx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JavaFxNoticesTest {

    private static boolean passes(String logger, String message) {
        return Logger.getLogger(logger).getFilter().isLoggable(new LogRecord(Level.INFO, message));
    }

    @Test
    void theTwoMeaninglessNoticesStayOffTheConsoleAndOthersGetThrough() {
        JavaFxNotices.quiet();
        assertFalse(passes("javafx.scene.control",
                "index exceeds maxCellCount. Check size calculations for class io.socketdeck.ui.log.LogCell"));
        assertFalse(passes("javafx", "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"));
        assertTrue(passes("javafx.scene.control", "Something else about a control"));
        assertTrue(passes("javafx", "Loading FXML document with JavaFX API of version 21 by JavaFX runtime 17"));
    }
}
