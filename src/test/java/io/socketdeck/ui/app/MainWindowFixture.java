package io.socketdeck.ui.app;

import atlantafx.base.theme.PrimerLight;
import io.socketdeck.ui.common.I18n;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows the real main window on a TestFX stage, in a chosen language. */
public final class MainWindowFixture {

    private MainWindowFixture() {
    }

    public static MainWindow show(Stage stage, Locale locale) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        I18n.use(locale);
        MainWindow window = new MainWindow(newLocale -> { });
        Scene scene = new Scene(window.root(), 1100, 700);
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
