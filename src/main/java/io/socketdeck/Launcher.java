package io.socketdeck;

import io.socketdeck.ui.app.SocketDeckApp;
import javafx.application.Application;

/**
 * The entry point. It does not extend {@link Application}, so the app also starts from a plain
 * classpath (a packaged jar) where the JavaFX launcher would refuse a main class that does.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(SocketDeckApp.class, args);
    }
}
