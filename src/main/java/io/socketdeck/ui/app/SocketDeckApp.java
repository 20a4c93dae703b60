package io.socketdeck.ui.app;

import atlantafx.base.theme.PrimerLight;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import io.socketdeck.ui.common.I18n;
import java.io.IOException;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: one window, rebuilt in place when the language changes, with its
 * settings loaded at start and saved on exit and before a rebuild.
 */
public final class SocketDeckApp extends Application {

    private static final Logger LOGGER = LoggerFactory.getLogger(SocketDeckApp.class);
    private static final String LANGUAGE = "ui.language";
    private static final String WIDTH = "ui.window.width";
    private static final String HEIGHT = "ui.window.height";
    private static final String MAXIMIZED = "ui.window.maximized";

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
        Scene scene = new Scene(window.root(), settings.getDouble(WIDTH, 1280), settings.getDouble(HEIGHT, 800));
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        stage.setTitle(I18n.text("app.title"));
        var icon = MainWindow.class.getResourceAsStream("icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setMinWidth(900);
        stage.setMinHeight(520);
        stage.setMaximized(settings.getBoolean(MAXIMIZED, false));
        stage.show();
    }

    private void switchLanguage(Locale locale) {
        window.saveTo(settings); // the rebuilt window starts from what the user had typed
        settings.put(LANGUAGE, locale.toLanguageTag());
        save();
        window.shutdown();
        I18n.use(locale);
        window = new MainWindow(this::switchLanguage, settings);
        stage.getScene().setRoot(window.root());
        stage.setTitle(I18n.text("app.title"));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.saveTo(settings);
            if (!stage.isMaximized()) {
                settings.put(WIDTH, stage.getWidth()).put(HEIGHT, stage.getHeight());
            }
            settings.put(MAXIMIZED, stage.isMaximized());
            save();
            window.shutdown();
        }
    }

    private void save() {
        try {
            store.save(settings);
        } catch (IOException e) {
            LOGGER.warn("cannot save settings to {}", store.file(), e);
        }
    }
}
