package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.fx.LayoutCheck;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A long text in a connection bar (a framing's delimiter) leaves the tab as wide as the window. */
@ExtendWith(ApplicationExtension.class)
class LongTextsFitTest {

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
    void aLongDelimiterLeavesConnectAndSendInTheWindow(FxRobot robot) {
        window = onFx(FxTesting.SLOW_TIMEOUT, () -> MainWindowFixture.showSized(stage, Locale.ENGLISH, 900, 520));
        byte[] delimiter = new byte[64];
        for (int i = 0; i < delimiter.length; i++) {
            delimiter[i] = (byte) (0x80 + i); // not printable: each is shown as \xNN
        }
        runFx(() -> {
            window.tab(TcpClientViewModel.class).framingProperty().set(new Framing.Delimiter(delimiter, false));
            MainWindowFixture.showTab(window.root(), "tabTcpClient");
        });
        // No pulse needed: showTab laid the tab out with the new text, and outsideWindowWidth
        // lays it out again (CSS and layout) before it measures.
        Scene scene = stage.getScene();
        assertEquals(List.of(), onFx(() -> LayoutCheck.outsideWindowWidth(scene, "#clientConnect", "#clientSend", "#clientFraming")), "they lie in the window");
        javafx.scene.control.Button framing = onFx(() -> (javafx.scene.control.Button) scene.lookup("#clientFraming"));
        assertTrue(onFx(() -> io.socketdeck.ui.fx.Tips.getText(framing).startsWith(framing.getText())),
                "the tooltip says the whole delimiter");
    }
}
