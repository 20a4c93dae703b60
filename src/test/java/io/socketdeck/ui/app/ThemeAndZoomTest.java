package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.Sparkline;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** View &gt; Theme and View &gt; Zoom: applied live, remembered, and the log stays readable in each theme. */
@ExtendWith(ApplicationExtension.class)
class ThemeAndZoomTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> {
            window.shutdown();
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
            I18n.use(Locale.ENGLISH);
        });
    }

    /**
     * CSS and layout of the whole window now, on the FX thread: what the next pulse would do, so
     * what is read next is the styled state, not whatever a wait for "some pulse" happened to see.
     */
    private void applyCssNow() {
        runFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
    }

    private void fire(FxRobot robot, String id) {
        MenuBar menuBar = FxTesting.lookup(robot, ".menu-bar").queryAs(MenuBar.class);
        runFx(() -> menuBar.getMenus().stream().flatMap(menu -> MenuItems.flatten(menu).stream())
                .filter(item -> id.equals(item.getId())).findFirst().map(item -> {
                    item.fire();
                    return item;
                }).orElseThrow(() -> new AssertionError("no menu item " + id)));
    }

    @Test
    void theDarkThemeIsAppliedLiveAndRemembered(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            TcpClientViewModel client = window.tab(TcpClientViewModel.class);
            runFx(() -> {
                client.portProperty().set(Integer.toString(peer.port()));
                client.connect();
            });
            awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
            Sparkline<?> chart = FxTesting.lookup(robot, "#statusChart").queryAs(Sparkline.class);
            Paint lightRx = onFx(chart::getFirstColor);

            fire(robot, "themeDark");
            applyCssNow(); // the new stylesheet's colours, as the next pulse would apply them

            assertEquals(new PrimerDark().getUserAgentStylesheetBSS(), onFx(Application::getUserAgentStylesheet));
            assertEquals(Theme.DARK, onFx(() -> window.viewOptions().themeProperty().get()));
            assertNotEquals(lightRx, onFx(chart::getFirstColor), "the chart takes its colours from the theme");
            assertEquals(ConnectionState.OPEN, onFx(() -> client.stateProperty().get()), "nothing was closed");
            Settings saved = new Settings();
            runFx(() -> window.saveTo(saved));
            assertEquals("DARK", saved.getString("ui.theme", ""));
            MainWindow restored = onFx(() -> new MainWindow(locale -> { }, saved));
            assertEquals(Theme.DARK, onFx(() -> restored.viewOptions().themeProperty().get()));
            runFx(restored::shutdown);
        }
    }

    @Test
    void rxAndTxBadgesAreReadableInEveryTheme(FxRobot robot) throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            TcpClientViewModel client = window.tab(TcpClientViewModel.class);
            runFx(() -> {
                client.portProperty().set(Integer.toString(peer.port()));
                client.connect();
            });
            awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            runFx(() -> input.setText("ping"));
            click(robot, "#clientSend");
            awaitFx(() -> client.traffic().counters().rxBytesProperty().get() == 4, "the echo");
            List<String> unreadable = new ArrayList<>();
            for (Theme theme : Theme.values()) {
                runFx(() -> window.viewOptions().themeProperty().set(theme));
                applyCssNow();
                for (String kind : List.of("rx", "tx")) {
                    double contrast = onFx(() -> badgeContrast(kind));
                    if (contrast < 4.5) {
                        unreadable.add(theme + " " + kind + ": contrast " + contrast);
                    }
                }
            }
            assertEquals(List.of(), unreadable, "WCAG AA asks 4.5:1 for small text");
        }
    }

    /** The contrast of the first {@code kind} badge's text on its background, as drawn over its row. */
    private double badgeContrast(String kind) {
        PseudoClass state = PseudoClass.getPseudoClass(kind);
        for (Node node : stage.getScene().getRoot().lookupAll(".log-badge")) {
            if (node instanceof Label badge && badge.isVisible() && badge.getPseudoClassStates().contains(state)) {
                Node cell = badge;
                while (cell != null && !(cell instanceof ListCell<?>)) {
                    cell = cell.getParent();
                }
                Color row = fill((Region) cell, Color.WHITE);
                Color background = over(fill(badge, Color.TRANSPARENT), row);
                Color text = over((Color) badge.getTextFill(), background);
                return contrast(text, background);
            }
        }
        throw new AssertionError("no " + kind + " badge shown");
    }

    private static Color fill(Region region, Color none) {
        if (region.getBackground() == null || region.getBackground().getFills().isEmpty()) {
            return none;
        }
        var fills = region.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    private static Color over(Color top, Color bottom) {
        double a = top.getOpacity();
        return new Color(top.getRed() * a + bottom.getRed() * (1 - a), top.getGreen() * a + bottom.getGreen() * (1 - a),
                top.getBlue() * a + bottom.getBlue() * (1 - a), 1);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void zoomKeysScaleTheWholeWindowAndAreRemembered(FxRobot robot) {
        Label caption = onFx(() -> (Label) stage.getScene().getRoot().lookupAll(".label").stream()
                .filter(node -> node instanceof Label label && "Host".equals(label.getText())).findFirst().orElseThrow());
        double before = onFx(() -> caption.getFont().getSize());
        click(robot, "#clientHost");
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        awaitFx(() -> window.viewOptions().zoomProperty().get() == 125, "100 → 110 → 125");
        applyCssNow(); // the root's new font size, inherited as the next pulse would
        assertEquals(before * 1.25, onFx(() -> caption.getFont().getSize()), 0.01);
        Settings saved = new Settings();
        runFx(() -> window.saveTo(saved));
        assertEquals(125, saved.getInt("ui.zoom", 0));
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        awaitFx(() -> window.viewOptions().zoomProperty().get() == 110, "125 → 110");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        awaitFx(() -> window.viewOptions().zoomProperty().get() == 100, "back to 100");
        applyCssNow();
        assertEquals(before, onFx(() -> caption.getFont().getSize()), 0.01);
        MainWindow restored = onFx(() -> new MainWindow(locale -> { }, saved));
        assertEquals(125, onFx(() -> restored.viewOptions().zoomProperty().get()));
        assertTrue(onFx(() -> restored.root().getStyle()).contains("17.50px"), onFx(() -> restored.root().getStyle()));
        runFx(restored::shutdown);
    }

    /** Menu items are not scene nodes: the menus' items, submenus opened. */
    static final class MenuItems {
        static List<MenuItem> flatten(javafx.scene.control.Menu menu) {
            List<MenuItem> items = new ArrayList<>();
            for (MenuItem item : menu.getItems()) {
                items.add(item);
                if (item instanceof javafx.scene.control.Menu sub) {
                    items.addAll(flatten(sub));
                }
            }
            return items;
        }
    }
}
