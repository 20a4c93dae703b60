package io.socketdeck.ui.tcpclient;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.BlackholeServer;
import io.socketdeck.testsupport.ClosedPort;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.ResettingServer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every fault gets a clear message at its field or in the log, and the tab stays usable. */
@ExtendWith(ApplicationExtension.class)
class TcpClientFaultsTest {

    private MainWindow window;
    private TcpClientViewModel viewModel;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        viewModel = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    private void type(String id, String text) {
        FxTesting.setText(robot, id, text);
    }

    private String label(String id) {
        return FxTesting.labelText(robot, id);
    }

    private String lastError() {
        ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
        return onFx(() -> log.getItems().stream().filter(e -> e.kind() == LogEntry.Kind.ERROR)
                .map(LogEntry::message).reduce((a, b) -> b).orElse(""));
    }

    private void awaitState(ConnectionState state) {
        awaitFx(() -> viewModel.stateProperty().get() == state, "state " + state);
    }

    /** Proves the tab still works: connect to a real peer, echo a byte, disconnect. */
    private void assertStillUsable() throws Exception {
        try (EchoPeer peer = EchoPeers.tcp()) {
            type("#clientHost", "127.0.0.1");
            type("#clientPort", Integer.toString(peer.port()));
            click(robot, "#clientConnect");
            awaitState(ConnectionState.OPEN);
            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            runFx(() -> input.setText("ok"));
            click(robot, "#clientSend");
            ListView<LogEntry> log = FxTesting.lookup(robot, "#clientLog").queryListView();
            awaitFx(() -> log.getItems().stream().anyMatch(e -> e.kind() == LogEntry.Kind.RX && "ok".equals(e.text())),
                    "echo after the fault");
            click(robot, "#clientConnect");
            awaitState(ConnectionState.IDLE);
        }
    }

    @ParameterizedTest(name = "port \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "''        | Enter a port.",
        "http      | The port must be a number.",
        "-1        | The port must be a number.",
        "0         | The port must be between 1 and 65535.",
        "65536     | The port must be between 1 and 65535.",
        "99999999  | The port must be between 1 and 65535."})
    void invalidPortIsRejectedAtTheField(String port, String message, FxRobot robot) {
        this.robot = robot;
        type("#clientPort", port);
        click(robot, "#clientConnect");
        assertEquals(message, label("#clientPortError"));
        assertEquals(ConnectionState.IDLE, onFx(() -> viewModel.stateProperty().get()));
        type("#clientPort", "7");
        assertEquals("", label("#clientPortError"), "editing the field clears its message");
    }

    @Test
    void enterInThePortFieldConnects(FxRobot robot) throws Exception {
        this.robot = robot;
        try (EchoPeer peer = EchoPeers.tcp()) {
            click(robot, "#clientPort").write(Integer.toString(peer.port())).type(javafx.scene.input.KeyCode.ENTER);
            awaitState(ConnectionState.OPEN);
        }
    }

    @Test
    void emptyHostIsRejectedAtTheField(FxRobot robot) throws Exception {
        this.robot = robot;
        type("#clientHost", "  ");
        type("#clientPort", "7");
        click(robot, "#clientConnect");
        assertEquals("Enter a host name or an IP address.", label("#clientHostError"));
        assertStillUsable();
    }

    @Test
    void unknownHostIsAnEventInTheLog(FxRobot robot) throws Exception {
        this.robot = robot;
        type("#clientHost", "no-such-host.invalid");
        type("#clientPort", "80");
        click(robot, "#clientConnect");
        awaitFx(() -> lastError().contains("Unknown host"), "unknown host event");
        assertTrue(lastError().contains("no-such-host.invalid"), lastError());
        awaitState(ConnectionState.IDLE);
        assertStillUsable();
    }

    @Test
    void refusedConnectionIsAnEventInTheLog(FxRobot robot) throws Exception {
        this.robot = robot;
        int closed = ClosedPort.find();
        type("#clientPort", Integer.toString(closed));
        click(robot, "#clientConnect");
        awaitFx(() -> lastError().startsWith("Connection refused by 127.0.0.1:" + closed), "refused event");
        awaitState(ConnectionState.IDLE);
        assertStillUsable();
    }

    @Test
    void connectTimeoutIsAnEventInTheLog(FxRobot robot) throws Exception {
        this.robot = robot;
        try (BlackholeServer blackhole = new BlackholeServer()) {
            type("#clientPort", Integer.toString(blackhole.port()));
            type("#clientTimeout", "300");
            click(robot, "#clientConnect");
            awaitFx(() -> lastError().startsWith("No answer from 127.0.0.1:" + blackhole.port()), "timeout event");
            awaitState(ConnectionState.IDLE);
        }
        assertStillUsable();
    }

    @Test
    void invalidTimeoutIsRejectedAtTheField(FxRobot robot) {
        this.robot = robot;
        type("#clientPort", "7");
        type("#clientTimeout", "soon");
        click(robot, "#clientConnect");
        assertTrue(label("#clientTimeoutError").startsWith("The timeout must be"), label("#clientTimeoutError"));
    }

    @Test
    void resetByPeerIsAnEventInTheLog(FxRobot robot) throws Exception {
        this.robot = robot;
        try (ResettingServer server = new ResettingServer()) {
            type("#clientPort", Integer.toString(server.port()));
            click(robot, "#clientConnect");
            awaitState(ConnectionState.OPEN);
            server.awaitAccepted(1, Duration.ofSeconds(5));
            server.resetAll();
            awaitFx(() -> lastError().startsWith("Connection reset by 127.0.0.1:" + server.port()),
                    () -> "reset event, log: " + onFx(() -> viewModel.traffic().log().entries().stream().map(e -> e.kind() + " " + e.message()).toList()));
            awaitState(ConnectionState.IDLE);
        }
        assertStillUsable();
    }

    @Test
    void sendWhileDisconnectedSaysSoAtTheSendBox(FxRobot robot) throws Exception {
        this.robot = robot;
        TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
        runFx(() -> input.setText("hello"));
        click(robot, "#clientSend");
        assertEquals("Not connected: connect first, then send.", label("#clientSendError"));
        assertStillUsable();
    }

    @Test
    void invalidHexSaysWhereAtTheSendBox(FxRobot robot) throws Exception {
        this.robot = robot;
        try (EchoPeer peer = EchoPeers.tcp()) {
            type("#clientPort", Integer.toString(peer.port()));
            click(robot, "#clientConnect");
            awaitState(ConnectionState.OPEN);
            click(robot, "#clientHexSend");
            TextArea input = FxTesting.lookup(robot, "#clientInput").queryAs(TextArea.class);
            runFx(() -> input.setText("48 65 6G"));
            click(robot, "#clientSend");
            assertEquals("Not a hex digit at character 8: \u201cG\u201d.", label("#clientSendError"));
            runFx(() -> input.setText("48 656"));
            click(robot, "#clientSend");
            assertTrue(label("#clientSendError").startsWith("Odd number of hex digits at character 4"),
                    label("#clientSendError"));
            assertEquals(0L, onFx(() -> viewModel.traffic().counters().txBytesProperty().get()), "nothing was sent");
            click(robot, "#clientConnect");
            awaitState(ConnectionState.IDLE);
            click(robot, "#clientHexSend");
        }
        assertStillUsable();
    }
}
