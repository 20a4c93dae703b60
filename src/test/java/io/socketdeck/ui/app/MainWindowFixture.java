package io.socketdeck.ui.app;

import atlantafx.base.theme.PrimerLight;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.UiTick;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/** Shows the real main window on a TestFX stage, in a chosen language. */
public final class MainWindowFixture {

    private MainWindowFixture() {
    }

    public static MainWindow show(Stage stage, Locale locale) {
        return show(stage, locale, () -> new MainWindow(newLocale -> { }), scene -> { });
    }

    /**
     * Shows the window as the app starts it, its first frame before the tab in front builds its
     * view ({@link MainWindow#showingFirstFrameFirst}); {@code beforeShow} sees the scene just
     * before the stage shows it. FX thread.
     */
    public static MainWindow showAsTheAppStarts(Stage stage, Locale locale, Consumer<Scene> beforeShow) {
        return show(stage, locale, () -> MainWindow.showingFirstFrameFirst(newLocale -> { }, new Settings()), beforeShow);
    }

    private static MainWindow show(Stage stage, Locale locale, Supplier<MainWindow> build, Consumer<Scene> beforeShow) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        I18n.use(locale); // before the window is built: its views speak the language of their build
        MainWindow window = build.get();
        Scene scene = new Scene(window.root(), 1100, 700);
        MainWindow.addStylesheets(scene);
        stage.setScene(scene);
        beforeShow.accept(scene);
        stage.show();
        return window;
    }

    /** After a test: the window's sessions closed (none when it was never shown), English again. FX thread. */
    public static void shutDown(MainWindow window) {
        if (window != null) {
            window.shutdown();
        }
        I18n.use(Locale.ENGLISH);
    }

    /**
     * Shows the window in {@code locale} at {@code width} x {@code height}, at the headless
     * screen's corner (1280 x 800, which it paints into). FX thread.
     */
    public static MainWindow showSized(Stage stage, Locale locale, int width, int height) {
        MainWindow window = show(stage, locale);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(width);
        stage.setHeight(height);
        return window;
    }

    /**
     * Returns after the window's next {@link UiTick} pulse, in which every job woken or due before
     * it ran: what a view just built shows on its first pulse (its counters, its statuses, rows
     * that came) is then in it. A job added now runs on that pulse after those added before it.
     * Not on the FX thread; a CSS and layout pass is still the caller's, on it.
     */
    public static void afterATickPulse(MainWindow window) {
        CountDownLatch pulsed = new CountDownLatch(1);
        AtomicReference<UiTick.Handle> job = new AtomicReference<>();
        FxTesting.runFx(() -> job.set(window.tick().add(now -> {
            job.get().remove(); // set before any pulse: added on the FX thread, which runs the pulses
            pulsed.countDown();
            return UiTick.IDLE;
        })));
        try {
            if (!pulsed.await(FxTesting.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no pulse of the window's tick within " + FxTesting.TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Brings the tab {@code tabId} to the front, as a click on it would, and lays it out now: its
     * view is built when first shown, and controls inside its split panes join the scene graph
     * with their skins, which would otherwise come on the next pulse. FX thread.
     */
    public static void showTab(Parent root, String tabId) {
        TabPane tabs = (TabPane) root.lookup(".session-tabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> tabId.equals(tab.getId())).findFirst().orElseThrow());
        tabs.applyCss();
        tabs.layout();
    }
}
