package io.socketdeck.ui.app;

import atlantafx.base.theme.PrimerLight;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import io.socketdeck.ui.common.I18n;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: one window whose views are rebuilt in place when the language changes
 * (its sessions go on), with its settings loaded at start, saved soon after each change and at
 * exit.
 */
public final class SocketDeckApp extends Application {

    private static final Logger LOGGER = LoggerFactory.getLogger(SocketDeckApp.class);
    private static final String LANGUAGE = "ui.language";
    private static final String WIDTH = "ui.window.width";
    private static final String HEIGHT = "ui.window.height";
    private static final String MAXIMIZED = "ui.window.maximized";

    /** One writer, so an older snapshot can never land after a newer one. */
    private final ExecutorService saver = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "socketdeck-settings");
        thread.setDaemon(true);
        return thread;
    });
    private final SettingsStore store = SettingsStore.atDefaultLocation();
    private Settings settings;
    private Stage stage;
    private MainWindow window;

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        settings = store.load(); // never throws: a broken file gives defaults and a warning
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        String language = settings.getString(LANGUAGE, "");
        I18n.use(language.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(language));
        window = new MainWindow(this::switchLanguage, settings);
        store.warning().ifPresent(warning -> window.note(SettingsMessages.describe(warning)));
        new SettingsAutosave(window.tick(), window.remembered(), this::saveSoon);
        Scene scene = new Scene(window.root(), settings.getDouble(WIDTH, 1280), settings.getDouble(HEIGHT, 800));
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        stage.setTitle(I18n.text("app.title"));
        AppIcon.addTo(stage);
        stage.setMinWidth(900);
        stage.setMinHeight(520);
        stage.setMaximized(settings.getBoolean(MAXIMIZED, false));
        stage.show();
        if (Boolean.getBoolean("socketdeck.exitOnFirstFrame")) { // the cold-start benchmark's probe
            scene.addPostLayoutPulseListener(() -> { System.out.println("socketdeck: first frame"); System.exit(0); });
        }
    }

    /** Another language for every view; the sessions, logs and what was typed stay as they are. */
    private void switchLanguage(Locale locale) {
        settings.put(LANGUAGE, locale.toLanguageTag());
        stage.getScene().setRoot(window.useLanguage(locale));
        stage.setTitle(I18n.text("app.title"));
        saveSoon();
    }

    /** Takes a snapshot now, on the FX thread, and writes it on the settings thread. */
    private void saveSoon() {
        window.saveTo(settings);
        Settings snapshot = settings.copy();
        saver.execute(() -> write(snapshot));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.saveTo(settings);
            if (!stage.isMaximized()) {
                settings.put(WIDTH, stage.getWidth()).put(HEIGHT, stage.getHeight());
            }
            settings.put(MAXIMIZED, stage.isMaximized());
            Settings last = settings.copy();
            saver.execute(() -> write(last));
            saver.shutdown();
            try {
                saver.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            window.shutdown();
        }
    }

    private void write(Settings snapshot) {
        try {
            store.save(snapshot);
        } catch (IOException e) {
            LOGGER.warn("cannot save settings to {}", store.file(), e);
        }
    }
}
