package io.socketdeck.ui.app;

import atlantafx.base.theme.PrimerLight;
import io.socketdeck.ui.i18n.I18n;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: one window, rebuilt in place when the language changes. */
public final class SocketDeckApp extends Application {

    private final AppPreferences preferences = AppPreferences.user();
    private Stage stage;
    private MainWindow window;

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        I18n.use(preferences.language().orElse(Locale.getDefault()));
        window = new MainWindow(this::switchLanguage);
        Scene scene = new Scene(window.root(), 1180, 760);
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        stage.setTitle(I18n.text("app.title"));
        var icon = MainWindow.class.getResourceAsStream("icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.show();
    }

    private void switchLanguage(Locale locale) {
        preferences.setLanguage(locale);
        window.shutdown();
        I18n.use(locale);
        window = new MainWindow(this::switchLanguage);
        stage.getScene().setRoot(window.root());
        stage.setTitle(I18n.text("app.title"));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
