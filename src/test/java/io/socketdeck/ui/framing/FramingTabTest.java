package io.socketdeck.ui.framing;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.framing.Framing;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.tcpserver.ServerTabDriver;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
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
 * Issue 12, framing, from the window: the framing button opens the dialog, a bad field keeps it
 * open with the reason under that field, and the framing chosen cuts what a real peer sends.
 */
@ExtendWith(ApplicationExtension.class)
class FramingTabTest {

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(() -> {
            DialogDriver.closeAllBut(stage);
            window.shutdown();
        });
    }

    /** Clicks the framing button {@code id} and returns the dialog it opens. */
    private Scene openDialog(String id) {
        return DialogDriver.open(onFx(() -> (Button) stage.getScene().lookup(id)), "framingKind");
    }

    private static void choose(Scene dialog, FramingKind kind) {
        DialogDriver.choose(dialog, "#framingKind", kind);
    }

    private static void type(Scene dialog, String id, String text) {
        runFx(() -> ((TextField) dialog.lookup(id)).setText(text));
    }

    private static List<String> rxRows(ListView<LogEntry> log) {
        return onFx(() -> log.getItems().stream().filter(entry -> entry.kind() == LogEntry.Kind.RX)
                .map(entry -> new String(entry.bytes(), StandardCharsets.ISO_8859_1)).toList());
    }

    @Test
    void aDelimiterChosenInTheDialogCutsWhatTheDeviceSendsIntoLines(FxRobot robot) throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        TcpClientViewModel client = window.tab(TcpClientViewModel.class);
        Scene dialog = openDialog("#clientFraming");
        choose(dialog, FramingKind.DELIMITER); // \r\n, stripped, unless changed
        DialogDriver.press(dialog, ButtonType.OK);
        awaitFx(() -> !dialog.getWindow().isShowing(), "the dialog closed");
        assertEquals(new Framing.Delimiter(new byte[] {'\r', '\n'}, false), onFx(() -> client.framingProperty().get()));
        assertEquals("Delimiter \\r\\n", onFx(() -> ((Button) stage.getScene().lookup("#clientFraming")).getText()));

        String[] pieces = {"41540d", "0a4f4b0d0a45", "52524f520d0a"}; // AT\r | \nOK\r\nE | RROR\r\n
        try (PythonPeer device = PythonPeer.start("tcp_chunks_server.py", "127.0.0.1", pieces)) {
            click(robot, "#clientPort").write(Integer.toString(device.port()));
            click(robot, "#clientConnect");
            ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
            awaitFx(() -> rxRows(log).size() == 3, () -> "three rows: " + rxRows(log));
            assertEquals(List.of("AT", "OK", "ERROR"), rxRows(log));
            assertEquals(15, onFx(() -> client.traffic().counters().engineCounters().rxBytes()), "every byte counted");
        }
    }

    @Test
    void aBadNumberKeepsTheDialogOpenWithTheReasonUnderTheField() {
        Scene dialog = openDialog("#clientFraming");
        choose(dialog, FramingKind.FIXED_LENGTH);
        type(dialog, "#framingLength", "0");
        DialogDriver.press(dialog, ButtonType.OK);
        Label error = onFx(() -> (Label) dialog.lookup("#framingLengthError"));
        awaitFx(() -> error.isVisible() && error.getText().equals("A whole number from 1 to 16,777,216"),
                () -> "the reason: " + onFx(error::getText));
        assertTrue(onFx(() -> dialog.getWindow().isShowing()), "still open");
        type(dialog, "#framingLength", "4");
        DialogDriver.press(dialog, ButtonType.OK);
        awaitFx(() -> !dialog.getWindow().isShowing(), "closed once the field is right");
        assertEquals(new Framing.FixedLength(4),
                onFx(() -> window.tab(TcpClientViewModel.class).framingProperty().get()));
    }

    @Test
    void theServerCutsEachClientsBytesAndAChangeAppliesWhileListening(FxRobot robot) throws Exception {
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        InetSocketAddress listening = new ServerTabDriver(robot, server).listenOnLoopback(0);

        Scene dialog = openDialog("#serverFraming");
        choose(dialog, FramingKind.FIXED_LENGTH);
        type(dialog, "#framingLength", "2");
        DialogDriver.press(dialog, ButtonType.OK);
        awaitFx(() -> server.framingProperty().get().equals(new Framing.FixedLength(2)), "fixed length 2");
        try (TcpProbe client = TcpProbe.connect(listening)) {
            client.send(HexFormat.of().parseHex("6162636465"));
            ListView<LogEntry> log = FxTesting.lookup(robot, "#serverLog").queryListView();
            awaitFx(() -> rxRows(log).size() == 2, () -> "two rows: " + rxRows(log));
            assertEquals(List.of("ab", "cd"), rxRows(log), "the odd byte is held for the next");
        }
        ListView<LogEntry> log = FxTesting.lookup(robot, "#serverLog").queryListView();
        awaitFx(() -> rxRows(log).size() == 3, () -> "the held byte shown when the client left: " + rxRows(log));
        assertEquals("e", rxRows(log).get(2));
    }
}
