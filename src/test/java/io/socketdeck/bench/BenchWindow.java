package io.socketdeck.bench;

import atlantafx.base.theme.PrimerLight;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.JavaFxNotices;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The real main window, in English, at the app's default size, shown on Monocle with a pulse meter,
 * built as the app builds it: its first frame first, the tab in front's view right after.
 */
final class BenchWindow {

    private BenchWindow() {
    }

    /**
     * Starts {@code meter} first (so no pulse of the window's life is missed and its timer runs
     * first in each pulse), then builds and shows the window with the tab {@code tabId} selected.
     */
    static MainWindow show(PulseGapMeter meter, String tabId) throws Exception {
        JavaFxNotices.quiet(); // as the app does: a flood would otherwise print JavaFX notices on the FX thread
        return Fx.call(() -> {
            meter.start();
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
            I18n.use(Locale.ENGLISH);
            MainWindow shown = MainWindow.showingFirstFrameFirst(locale -> { }, new Settings());
            Stage stage = new Stage();
            Scene scene = new Scene(shown.root(), 1280, 800);
            MainWindow.addStylesheets(scene);
            stage.setScene(scene);
            stage.show();
            TabPane tabs = (TabPane) scene.lookup(".session-tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(tab -> tabId.equals(tab.getId())).findFirst().orElseThrow());
            scene.addPostLayoutPulseListener(meter::layoutDone);
            return shown;
        });
    }
}
