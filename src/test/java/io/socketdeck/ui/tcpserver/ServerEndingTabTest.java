package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.options.ExtendedOptions;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 16 in the server tab: Half-close and Reset of the selected client, seen by Python
 * clients (EOF, then their answer still read; ConnectionResetError), and the options panel's
 * SO_REUSEPORT and buffers at Listen.
 */
@ExtendWith(ApplicationExtension.class)
class ServerEndingTabTest {

    private static final byte[] AFTER_EOF = "BYE SERVER".getBytes(StandardCharsets.US_ASCII);

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
    void halfCloseAndResetTheSelectedClient(FxRobot robot) throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        click(robot, "#tabTcpServer");
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress server = tab.listenOnLoopback(0);
        String port = Integer.toString(server.getPort());
        String after = HexFormat.of().formatHex(AFTER_EOF);
        try (PythonPeer halfClosed = PythonPeer.start("eof_then_send.py", "127.0.0.1", "connect", port, after);
             PythonPeer reset = PythonPeer.start("eof_then_send.py", "127.0.0.1", "connect", port, after)) {
            tab.awaitTableRows(2);
            assertTrue(onFx(() -> FxTesting.lookup(robot, "#serverResetSelected").query().isDisabled()),
                    "nothing selected");

            tab.clickRow(Addresses.format(halfClosed.address()), false);
            click(robot, "#serverHalfCloseSelected");
            Await.until(() -> halfClosed.stdout().contains("EOF"), FxTesting.TIMEOUT, halfClosed::stdout);
            tab.awaitLog(e -> e.kind() == LogEntry.Kind.RX && "BYE SERVER".equals(e.text()),
                    "the client's answer after our FIN is still received");
            tab.awaitLog(e -> String.valueOf(e.message()).startsWith("Half-closed the connection to"), "the log says we half-closed");
            tab.awaitTableRows(1); // it closed after its answer: both sides finished

            runFx(() -> tab.table().getSelectionModel().clearSelection()); // the client that left was selected
            tab.clickRow(Addresses.format(reset.address()), false);
            click(robot, "#serverResetSelected");
            Await.until(() -> reset.stdout().contains("RESET"), FxTesting.TIMEOUT,
                    () -> "ConnectionResetError: " + reset.stdout() + " selected " + onFx(() -> tab.viewModel().selectedClients())
                            + " disabled " + onFx(() -> FxTesting.lookup(robot, "#serverResetSelected").query()
                                    .isDisabled())
                            + " log " + tab.logLines());
            tab.awaitLog(e -> String.valueOf(e.message()).endsWith("reset by us (RST sent)"), "the log says we reset it");
            tab.awaitTableRows(0);
        }
        tab.stop();
    }

    @Test
    void theServersOptionsApplyAtListen(FxRobot robot) throws Exception {
        click(robot, "#tabTcpServer");
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        click(robot, "#serverOptionsButton");
        awaitFx(() -> FxTesting.lookup(robot, "#serverReusePort").tryQuery().isPresent(), "the panel opens");
        CheckBox reusePort = FxTesting.lookup(robot, "#serverReusePort").queryAs(CheckBox.class);
        TextField rcvBuf = FxTesting.lookup(robot, "#serverRcvBuf").queryAs(TextField.class);
        Label rcvGranted = FxTesting.lookup(robot, "#serverRcvBufGranted").queryAs(Label.class);
        Button apply = FxTesting.lookup(robot, "#serverOptionsApply").queryAs(Button.class);
        assertEquals(!ExtendedOptions.reusePort(), onFx(reusePort::isDisabled), "greyed out only where unsupported");
        assumeTrue(ExtendedOptions.reusePort(), "SO_REUSEPORT");
        runFx(() -> {
            reusePort.setSelected(true);
            rcvBuf.setText("96K");
        });
        InetSocketAddress server = tab.listenOnLoopback(0);
        tab.awaitLog(e -> String.valueOf(e.message()).contains("SO_REUSEPORT on"), "the listening socket's options are logged");
        assertTrue(onFx(reusePort::isDisabled), "reuse port only changes with a new Listen");
        try (java.net.Socket client = new java.net.Socket(server.getAddress(), server.getPort())) {
            awaitFx(() -> "granted 98304".equals(rcvGranted.getText()), () -> "granted: " + onFx(rcvGranted::getText));
            assertTrue(onFx(() -> !apply.isDisabled()), "Apply works while listening");
            assertTrue(client.isConnected() && !client.isClosed(), "the client stays connected meanwhile");
        }
        tab.stop();
    }
}
