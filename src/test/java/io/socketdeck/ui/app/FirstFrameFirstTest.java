package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window as the app starts it: the first frame goes out with the menu, the tab headers and
 * the status bar, while the tab in front builds its view off the FX thread; the view joins the
 * window after that frame, whole in the next.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameFirstTest {

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        runFx(() -> MainWindowFixture.shutDown(window));
    }

    @Test
    void theTabInFrontBuildsItsViewOffTheFxThreadAndShowsItAfterTheWindowsFirstFrame(FxRobot robot) {
        // What each laid-out frame held: whether the tab in front had its view then.
        List<Boolean> framesWithView = new ArrayList<>();
        Tab front = onFx(() -> {
            window = MainWindowFixture.showAsTheAppStarts(stage, Locale.ENGLISH, scene -> {
                TabPane tabs = (TabPane) scene.lookup(".session-tabs");
                scene.addPostLayoutPulseListener(
                        () -> framesWithView.add(tabs.getSelectionModel().getSelectedItem().getContent() != null));
            });
            Scene scene = stage.getScene();
            TabPane tabs = (TabPane) scene.lookup(".session-tabs");
            // Shown, and no pulse can have run yet: this runnable holds the FX thread.
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            assertEquals("tabTcpClient", selected.getId());
            assertNull(selected.getContent(), "the view waits for the first frame");
            assertTrue(window.viewsWaitProperty().get());
            assertNotNull(scene.lookup("#menuBar"), "the first frame has the menu");
            assertNotNull(scene.lookup("#statusConnection"), "and the status bar");
            return selected;
        });
        awaitFx(() -> framesWithView.contains(true), "a frame with the view of the tab in front");
        onFx(() -> {
            assertFalse(framesWithView.get(0), "the first frame went out before the view was built");
            assertFalse(window.viewsWaitProperty().get(), "the views no longer wait");
            Node view = front.getContent();
            assertNotNull(view.lookup("#clientConnect"), "the view is the tab's, whole: its Connect button");
            assertNotNull(view.lookup("#clientConnect").getScene(), "and in the window");
            assertTrue(ViewInAdvance.builtInAdvance(view), "built off the FX thread while the first frame was made");
            return null;
        });
        // The window swallowed input while the view was built; it takes it again now.
        click(robot, "#clientHost");
        awaitFx(() -> stage.getScene().lookup("#clientHost").isFocused(), "a click reaches the view");
    }

    @ParameterizedTest
    @CsvSource({"tabTcpClient, clientConnect", "tabTcpServer, serverListen", "tabUdp, udpOpen", "tabRelay, relayStart"})
    void everyKindOfTabInFrontAtTheStartBuildsItsViewOffTheFxThread(String tabId, String controlId) {
        runFx(() -> window = MainWindowFixture.showAsTheAppStarts(stage, Locale.ENGLISH, scene -> {
            TabPane tabs = (TabPane) scene.lookup(".session-tabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(tab -> tabId.equals(tab.getId())).findFirst().orElseThrow());
        }));
        awaitFx(() -> !window.viewsWaitProperty().get(), "the views released");
        onFx(() -> {
            Node view = ((TabPane) stage.getScene().lookup(".session-tabs")).getSelectionModel().getSelectedItem().getContent();
            assertNotNull(view, "the tab in front has its view");
            assertTrue(ViewInAdvance.builtInAdvance(view), "built off the FX thread");
            assertNotNull(view.lookup("#" + controlId).getScene(), "whole, in the window: #" + controlId);
            return null;
        });
    }

    @Test
    void aTabBroughtToTheFrontLaterBuildsItsViewAtOnce() {
        runFx(() -> window = MainWindowFixture.showAsTheAppStarts(stage, Locale.ENGLISH, scene -> { }));
        awaitFx(() -> !window.viewsWaitProperty().get(), "the views released after the first frame");
        onFx(() -> {
            TabPane tabs = (TabPane) stage.getScene().lookup(".session-tabs");
            Tab server = tabs.getTabs().stream().filter(tab -> "tabTcpServer".equals(tab.getId())).findFirst().orElseThrow();
            assertNull(server.getContent(), "a tab never shown has no view");
            tabs.getSelectionModel().select(server);
            assertNotNull(server.getContent(), "brought to the front, it builds its view at once");
            assertFalse(ViewInAdvance.builtInAdvance(server.getContent()), "on the FX thread, as any later view");
            return null;
        });
    }
}
