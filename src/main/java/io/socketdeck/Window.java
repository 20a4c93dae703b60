package io.socketdeck;

import io.socketdeck.ui.app.SocketDeckApp;
import io.socketdeck.ui.fx.JavaFxNotices;
import javafx.application.Application;

/** Opens the window. Kept apart from {@link Launcher} so that a command-line run never loads JavaFX. */
final class Window {

    private Window() {
    }

    static void open(String[] args) {
        JavaFxNotices.quiet();
        SoftwareGraphics.chooseIfNoGpu();
        StartupWarmup.begin();
        Application.launch(SocketDeckApp.class, args);
    }
}
