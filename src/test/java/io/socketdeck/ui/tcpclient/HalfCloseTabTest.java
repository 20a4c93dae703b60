package io.socketdeck.ui.tcpclient;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 9, item 5, in the window: a device that says its piece and shuts its sending side. The tab
 * stays connected, says the peer finished sending, and the answer typed afterwards reaches it.
 */
@ExtendWith(ApplicationExtension.class)
class HalfCloseTabTest {

    private MainWindow window;
    private TcpClientViewModel viewModel;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        viewModel = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    @Test
    void afterThePeerFinishesTheTabSaysSoAndTheAnswerStillGoesOut(FxRobot robot) throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        byte[] greeting = "READY\r\n".getBytes(StandardCharsets.US_ASCII);
        try (PythonPeer device = PythonPeer.start("half_close_server.py", "127.0.0.1",
                HexFormat.of().formatHex(greeting))) {
            click(robot, "#clientPort").write(Integer.toString(device.port()));
            click(robot, "#clientConnect");
            ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
            awaitFx(() -> log.getItems().stream().anyMatch(e -> e.kind() == LogEntry.Kind.INFO
                    && e.message().endsWith("finished sending (end of stream); the connection stays open: you can"
                    + " still send until either side closes")), "the log says the peer finished");
            Label status = FxTesting.lookup(robot, "#clientStatus").queryAs(Label.class);
            awaitFx(() -> status.getText().contains("the peer finished sending: you can still send"),
                    () -> "status: " + onFx(status::getText));
            assertTrue(onFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN), "still connected");

            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            runFx(() -> input.setText("ACK"));
            click(robot, "#clientSend");
            String ack = "RX " + HexFormat.of().formatHex("ACK".getBytes(StandardCharsets.US_ASCII));
            Await.until(() -> device.stdout().contains(ack), FxTesting.TIMEOUT, () -> "the device read it: "
                    + device.stdout());

            click(robot, "#clientConnect"); // Disconnect
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "idle after Disconnect");
            Await.until(() -> device.stdout().contains("EOF"), FxTesting.TIMEOUT, device::stdout);
            assertTrue(onFx(() -> !status.getText().contains("finished")), "the hint goes with the connection");
        }
    }
}
