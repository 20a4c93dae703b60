package io.socketdeck.bench;

import io.socketdeck.ui.app.StartProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The cold-start baseline: a bare JavaFX window, one {@link Label} in a {@link Stage} at the app's
 * default size, started like the app (a plain main class calling {@link Application#launch}) and
 * with the same probe: with {@code -Dsocketdeck.startProbe=true} ({@link StartProbe}) it prints
 * {@value ColdStartBench#FIRST_FRAME} once its first frame is laid out, and exits.
 */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("SocketDeck")), 1280, 800);
        stage.setScene(scene);
        stage.setTitle("SocketDeck");
        stage.show();
        if (Boolean.getBoolean(StartProbe.PROPERTY)) {
            scene.addPostLayoutPulseListener(() -> {
                System.out.println(ColdStartBench.FIRST_FRAME);
                System.exit(0);
            });
        }
    }

    /** The main class: like the app's {@code Launcher}, it does not extend {@link Application}. */
    public static final class Main {

        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
