package io.socketdeck.ui.udp;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 16, item 1, in the UDP tab: only the options a datagram socket has; applied at Open, read back. */
@ExtendWith(ApplicationExtension.class)
class UdpOptionsTabTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    @Test
    void buffersAndTrafficClassApplyAtOpen(FxRobot robot) {
        UdpTabDriver tab = new UdpTabDriver(robot, window);
        click(robot, "#udpOptionsButton");
        awaitFx(() -> FxTesting.lookup(robot, "#udpSndBuf").tryQuery().isPresent(), "the panel opens");
        assertFalse(onFx(() -> FxTesting.lookup(robot, "#udpNoDelay").query().isManaged()),
                "no Nagle on a datagram socket");
        assertFalse(onFx(() -> FxTesting.lookup(robot, "#udpLinger").query().getParent().isManaged()),
                "no linger either");
        TextField sndBuf = FxTesting.lookup(robot, "#udpSndBuf").queryAs(TextField.class);
        TextField tos = FxTesting.lookup(robot, "#udpTos").queryAs(TextField.class);
        Label granted = FxTesting.lookup(robot, "#udpSndBufGranted").queryAs(Label.class);
        runFx(() -> {
            sndBuf.setText("48K");
            tos.setText("0x20");
        });
        tab.bindTo("127.0.0.1", "");
        tab.open();
        tab.awaitState(ConnectionState.OPEN);
        awaitFx(() -> "granted 49152".equals(granted.getText()), () -> "granted: " + onFx(granted::getText));
        ListView<LogEntry> log = FxTesting.lookup(robot, "#udpLog").queryListView();
        awaitFx(() -> log.getItems().stream().anyMatch(e -> String.valueOf(e.message()).contains("IP_TOS 0x20 (32)")),
                "the log says what was set");
        assertTrue(onFx(() -> log.getItems().stream().noneMatch(e -> String.valueOf(e.message()).contains("SO_LINGER"))));
        tab.close();
    }
}
