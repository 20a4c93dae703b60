package io.socketdeck.ui.tcpclient;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.Blocking;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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

/**
 * Issue 16, items 1 and 2, in the client tab (English): the options panel, closed at first,
 * checks its fields, applies them at connect and shows what the system granted; Half-close and
 * Reset end the connection as a Python device sees it.
 */
@ExtendWith(ApplicationExtension.class)
class ClientOptionsTabTest {

    private static final byte[] AFTER_EOF = "BYE AFTER YOUR FIN".getBytes(StandardCharsets.US_ASCII);

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

    private static boolean shown(FxRobot robot, String id) {
        return onFx(() -> {
            Node node = FxTesting.lookup(robot, id).tryQuery().orElse(null);
            return node != null && node.isVisible() && node.getScene() != null && node.getScene().getWindow().isShowing();
        });
    }

    @Test
    void aWrongFieldOpensThePanelAgainAtEachConnect(FxRobot robot) {
        runFx(() -> viewModel.socketOptions().receiveBufferProperty().set("64X"));
        for (int attempt = 1; attempt <= 2; attempt++) {
            click(robot, "#clientConnect");
            awaitFx(() -> shown(robot, "#clientRcvBufError"), "Connect " + attempt + " opens the panel on the wrong size");
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            awaitFx(() -> !shown(robot, "#clientRcvBufError"), "Esc closes the panel");
        }
        assertEquals(ConnectionState.IDLE, onFx(() -> viewModel.stateProperty().get()), "no connect with a wrong field");
    }

    @Test
    void whatWasGrantedGoesWithTheConnection(FxRobot robot) throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            runFx(() -> {
                viewModel.hostProperty().set("127.0.0.1");
                viewModel.portProperty().set(Integer.toString(server.getLocalPort()));
                viewModel.socketOptions().receiveBufferProperty().set("4M");
            });
            click(robot, "#clientConnect");
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected");
            awaitFx(() -> !viewModel.socketOptions().receiveGrantedProperty().get().isEmpty(), "the size granted is shown");
            click(robot, "#clientConnect");
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "disconnected");
        }
        assertEquals("", onFx(() -> viewModel.socketOptions().receiveGrantedProperty().get()),
                "no socket, no size granted");
        assertEquals("", onFx(() -> viewModel.socketOptions().noteProperty().get()), "nor a warning about it");
        assertFalse(onFx(() -> FxTesting.lookup(robot, "#clientOptionsButton").query().getPseudoClassStates().stream()
                .anyMatch(state -> state.getPseudoClassName().equals("warning"))), "the button warns no more");
    }

    @Test
    void thePanelChecksItsFieldsAndShowsWhatWasGranted(FxRobot robot) throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        assertFalse(shown(robot, "#clientOptions"), "closed by default");
        assertEquals("Socket options",
                onFx(() -> FxTesting.lookup(robot, "#clientOptionsButton").queryAs(Button.class).getText()));
        click(robot, "#clientOptionsButton");
        awaitFx(() -> shown(robot, "#clientNoDelay"), "the panel opens under the bar");
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#clientNoDelay").queryAs(CheckBox.class).isSelected()),
                "Nagle off by default");
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#clientKeepAlive").queryAs(CheckBox.class).isSelected()),
                "keepalive on");
        // The panel's nodes, held: a click elsewhere (Connect) closes the popup, and a lookup finds them no more.
        TextField rcvBuf = FxTesting.lookup(robot, "#clientRcvBuf").queryAs(TextField.class);
        TextField sndBuf = FxTesting.lookup(robot, "#clientSndBuf").queryAs(TextField.class);
        TextField tos = FxTesting.lookup(robot, "#clientTos").queryAs(TextField.class);
        TextField linger = FxTesting.lookup(robot, "#clientLinger").queryAs(TextField.class);
        CheckBox noDelay = FxTesting.lookup(robot, "#clientNoDelay").queryAs(CheckBox.class);
        Label rcvBufError = FxTesting.lookup(robot, "#clientRcvBufError").queryAs(Label.class);
        Label tosError = FxTesting.lookup(robot, "#clientTosError").queryAs(Label.class);
        Label rcvGranted = FxTesting.lookup(robot, "#clientRcvBufGranted").queryAs(Label.class);
        Label sndGranted = FxTesting.lookup(robot, "#clientSndBufGranted").queryAs(Label.class);
        Node localAddress = FxTesting.lookup(robot, "#clientLocalAddress").query();
        Button apply = FxTesting.lookup(robot, "#clientOptionsApply").queryAs(Button.class);
        assertTrue(onFx(apply::isDisabled), "nothing to apply to while idle");

        try (PythonPeer device = PythonPeer.tcpEcho()) {
            runFx(() -> {
                FxTesting.lookup(robot, "#clientPort").queryAs(TextField.class)
                        .setText(Integer.toString(device.port()));
                rcvBuf.setText("12x");
                tos.setText("300");
            });
            click(robot, "#clientConnect");
            awaitFx(() -> !rcvBufError.getText().isEmpty(),
                    "a wrong size is said at its field");
            assertTrue(onFx(() -> tosError.getText().contains("0 to 255")));
            assertEquals(ConnectionState.IDLE, onFx(() -> viewModel.stateProperty().get()), "no connect with a wrong field");

            runFx(() -> {
                rcvBuf.setText("128K");
                sndBuf.setText("64K");
                tos.setText("0x10");
                linger.setText("2");
                noDelay.setSelected(false);
            });
            click(robot, "#clientConnect");
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected");
            awaitFx(() -> "granted 131072".equals(rcvGranted.getText()),
                    () -> "granted: " + onFx(() -> rcvGranted.getText()));
            ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
            awaitFx(() -> log.getItems().stream().anyMatch(e -> String.valueOf(e.message()).startsWith("Socket options for")
                    && String.valueOf(e.message()).contains("TCP_NODELAY off") && String.valueOf(e.message()).contains("IP_TOS 0x10 (16)")
                    && String.valueOf(e.message()).contains("SO_LINGER 2 s")), "the log says what was set");
            assertTrue(onFx(() -> localAddress.isDisabled()),
                    "the local address only applies at connect");

            // Live: Apply sets the changed options on the open connection.
            runFx(() -> sndBuf.setText("32K"));
            runFx(() -> apply.fire());
            awaitFx(() -> "granted 32768".equals(sndGranted.getText()),
                    "the new size, read back from the open socket");
            click(robot, "#clientConnect");
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "idle");
        }
    }

    @Test
    void halfCloseSaysReceivingOnlyAndTheAnswerStillArrives(FxRobot robot) throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        try (PythonPeer device = PythonPeer.start("eof_then_send.py", "127.0.0.1", "listen",
                HexFormat.of().formatHex(AFTER_EOF))) {
            assertFalse(onFx(() -> FxTesting.lookup(robot, "#clientEnd").query().isVisible()), "only while connected");
            click(robot, "#clientPort").write(Integer.toString(device.port()));
            click(robot, "#clientConnect");
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected");
            Label status = FxTesting.lookup(robot, "#clientStatus").queryAs(Label.class);
            click(robot, "#clientHalfClose");
            ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
            awaitFx(() -> log.getItems().stream().anyMatch(e -> String.valueOf(e.message()).startsWith("Half-closed the connection")),
                    "the log says we half-closed");
            Await.until(() -> device.stdout().contains("EOF"), FxTesting.TIMEOUT, device::stdout);
            awaitFx(() -> log.getItems().stream().anyMatch(e -> e.kind() == LogEntry.Kind.RX
                    && e.text().equals("BYE AFTER YOUR FIN")), "what the device sent after our FIN was received");
            // The device then closed: both sides done, the tab is idle again.
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "closed by the peer");
            assertFalse(onFx(status::getText).contains("Half-closed"), "the hint goes with the connection");
        }
    }

    @Test
    void whileHalfClosedTheStatusSaysReceivingOnly(FxRobot robot) throws Exception {
        try (java.net.ServerSocket device = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            click(robot, "#clientPort").write(Integer.toString(device.getLocalPort()));
            click(robot, "#clientConnect");
            try (java.net.Socket accepted = Blocking.accept(device)) {
                awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected");
                click(robot, "#clientHalfClose");
                Label status = FxTesting.lookup(robot, "#clientStatus").queryAs(Label.class);
                awaitFx(() -> status.getText().startsWith("Half-closed: receiving only"),
                        () -> "status: " + onFx(status::getText));
                assertEquals(-1, accepted.getInputStream().read(), "the device reads our end of stream");
                assertTrue(onFx(() -> FxTesting.lookup(robot, "#clientHalfClose").query().isDisabled()),
                        "once is enough");
                click(robot, "#clientConnect");
                awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "idle");
            }
        }
    }
}
