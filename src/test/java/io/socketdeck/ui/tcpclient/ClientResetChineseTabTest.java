package io.socketdeck.ui.tcpclient;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.Blocking;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 16 in Chinese: the options panel's words, Reset seen by a Python device as a reset, the log's words. */
@ExtendWith(ApplicationExtension.class)
class ClientResetChineseTabTest {

    private MainWindow window;
    private TcpClientViewModel viewModel;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.SIMPLIFIED_CHINESE);
        viewModel = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> {
            window.shutdown();
            I18n.use(Locale.ENGLISH); // the language is the JVM's: the tests after this one read English
        });
    }

    @Test
    void resetIsAnRstForTheDeviceAndTheLogSaysSoInChinese(FxRobot robot) throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        assertEquals("套接字选项", onFx(() -> FxTesting.lookup(robot, "#clientOptionsButton").queryAs(Button.class)
                .getText()));
        click(robot, "#clientOptionsButton");
        awaitFx(() -> FxTesting.lookup(robot, "#clientNoDelay").tryQuery().isPresent(), "the panel opens");
        assertEquals("TCP_NODELAY（关闭 Nagle）", onFx(() -> FxTesting.lookup(robot, "#clientNoDelay")
                .queryAs(CheckBox.class).getText()));
        try (PythonPeer device = PythonPeer.start("eof_then_send.py", "127.0.0.1", "listen", "00")) {
            click(robot, "#clientPort").write(Integer.toString(device.port()));
            click(robot, "#clientConnect");
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected");
            assertEquals("复位", onFx(() -> FxTesting.lookup(robot, "#clientReset").queryAs(Button.class).getText()));
            assertEquals("半关闭", onFx(() -> FxTesting.lookup(robot, "#clientHalfClose").queryAs(Button.class)
                    .getText()));
            click(robot, "#clientReset");
            Await.until(() -> device.stdout().contains("RESET"), FxTesting.TIMEOUT,
                    () -> "ConnectionResetError, not EOF: " + device.stdout());
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "idle after Reset");
            ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
            awaitFx(() -> log.getItems().stream().anyMatch(e -> String.valueOf(e.message()).startsWith("已复位与")
                    && String.valueOf(e.message()).contains("RST")), "the log says we reset it");
            Label status = FxTesting.lookup(robot, "#clientStatus").queryAs(Label.class);
            assertEquals(false, onFx(status::getText).contains("半关闭"));
        }
    }

    @Test
    void halfClosedStatusInChinese(FxRobot robot) throws Exception {
        try (java.net.ServerSocket device = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            click(robot, "#clientPort").write(Integer.toString(device.getLocalPort()));
            click(robot, "#clientConnect");
            try (java.net.Socket accepted = Blocking.accept(device)) {
                awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected");
                click(robot, "#clientHalfClose");
                Label status = FxTesting.lookup(robot, "#clientStatus").queryAs(Label.class);
                awaitFx(() -> status.getText().startsWith("半关闭：仅接收"), () -> "status: " + onFx(status::getText));
                assertEquals(-1, accepted.getInputStream().read(), "the device sees our end of stream");
                click(robot, "#clientConnect");
                awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "idle");
            }
        }
    }
}
