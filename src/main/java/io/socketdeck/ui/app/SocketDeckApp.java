package io.socketdeck.ui.app;

import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import io.socketdeck.ui.common.I18n;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
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
        LOGGER.info("SocketDeck {} on Java {}, JavaFX {}; settings in {}", AppInfo.version(),
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version"), store.file());
        settings = store.load(); // never throws: a broken file gives defaults and a warning
        String language = settings.getString(LANGUAGE, "");
        I18n.use(language.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(language));
        window = new MainWindow(this::switchLanguage, settings);
        store.warning().ifPresent(warning -> window.note(SettingsMessages.describe(warning)));
        new SettingsAutosave(window.tick(), window.remembered(), this::saveSoon);
        // The size asked for (the last one, or 1280 x 800) on the screen's visual bounds, centred.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Rectangle2D bounds = WindowBounds.fit(settings.getDouble(WIDTH, WindowBounds.DEFAULT_WIDTH),
                settings.getDouble(HEIGHT, WindowBounds.DEFAULT_HEIGHT), screen);
        Scene scene = new Scene(window.root(), bounds.getWidth(), bounds.getHeight());
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        stage.setTitle(I18n.text("app.title"));
        AppIcon.addTo(stage);
        stage.setMinWidth(WindowBounds.minWidth(screen));
        stage.setMinHeight(WindowBounds.minHeight(screen));
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setMaximized(settings.getBoolean(MAXIMIZED, false));
        stage.show();
        // The scene's size leaves out the title bar: once shown, keep the whole frame on the screen.
        stage.setWidth(Math.min(stage.getWidth(), screen.getWidth()));
        stage.setHeight(Math.min(stage.getHeight(), screen.getHeight()));
        stage.setX(Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - stage.getWidth())));
        stage.setY(Math.max(screen.getMinY(), Math.min(stage.getY(), screen.getMaxY() - stage.getHeight())));
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
                // The scene's size, as it is given back at start: the frame's would grow by a title bar each time.
                settings.put(WIDTH, stage.getScene().getWidth()).put(HEIGHT, stage.getScene().getHeight());
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
