package io.socketdeck.ui.app;

import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import io.socketdeck.core.text.IoErrors;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.UiTick;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
    /** How long the exit waits for the last save before it counts as failed. */
    private static final long EXIT_SAVE_SECONDS = 10;

    /** One writer, so an older snapshot can never land after a newer one. */
    private final ExecutorService saver = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "socketdeck-settings");
        thread.setDaemon(true);
        return thread;
    });
    private final SettingsStore store = SettingsStore.atDefaultLocation();
    /** The reason the newest save failed, handed from the settings thread to the window; null once one worked. */
    private final AtomicReference<String> saveProblem = new AtomicReference<>();
    private Settings settings;
    private Stage stage;
    private MainWindow window;
    private UiTick.Handle saveProblemJob;
    private String shownProblem;

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        LogbackConfiguration.awaitEarlyStart();
        LOGGER.info("SocketDeck {} on Java {}, JavaFX {}; settings in {}", AppInfo.version(),
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version"), store.file());
        settings = store.load(); // never throws: a broken file gives defaults and a warning
        String language = settings.getString(LANGUAGE, "");
        I18n.use(language.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(language));
        window = MainWindow.showingFirstFrameFirst(this::switchLanguage, settings);
        store.warning().ifPresent(warning -> window.note(SettingsMessages.describe(warning)));
        new SettingsAutosave(window.tick(), window.remembered(), this::saveSoon);
        saveProblemJob = window.tick().add(now -> showSaveProblem());
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
        if (Boolean.getBoolean(StartProbe.PROPERTY)) {
            StartProbe.watch(scene, window.viewsWaitProperty());
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

    /**
     * The last save; when it fails the user is asked, in a dialog, to fix it and try again or quit
     * without saving (see {@link ExitSave}). The sessions close afterwards either way.
     */
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
            ExitSave.run(() -> saveAndWait(last), store.file(), stage);
            saver.shutdown();
            window.shutdown();
        }
    }

    /** Saves on the settings thread, after any save still queued there, and waits for it. */
    private Optional<String> saveAndWait(Settings snapshot) {
        Future<Optional<String>> done = saver.submit(() -> write(snapshot));
        try {
            return done.get(EXIT_SAVE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(e.toString());
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return Optional.of(I18n.format("settings.saveTimeout", EXIT_SAVE_SECONDS));
        }
    }

    /** Settings thread: the reason the save failed, also left for the window to show; empty when saved. */
    private Optional<String> write(Settings snapshot) {
        try {
            store.save(snapshot);
            saveProblem.set(null);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("cannot save settings to {}", store.file(), e);
            String problem = IoErrors.describe(e); // the reason, not the path again: the sentence names the file
            saveProblem.set(problem);
            saveProblemJob.wake();
            return Optional.of(problem);
        }
    }

    /** A failed save during the session, once per problem, in the log: the next change saves again. */
    private long showSaveProblem() {
        String problem = saveProblem.get();
        if (problem != null && !problem.equals(shownProblem)) {
            window.note(I18n.format("settings.saveFailed", store.file().toString(), problem));
        }
        shownProblem = problem;
        return UiTick.IDLE;
    }
}
