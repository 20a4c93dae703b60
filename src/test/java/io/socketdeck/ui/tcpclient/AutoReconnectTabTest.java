package io.socketdeck.ui.tcpclient;

import static io.socketdeck.ui.fx.FxTesting.SLOW_TIMEOUT;
import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.timeline.TimelineEvent;
import io.socketdeck.core.tls.KeyMaterial;
import io.socketdeck.core.tls.SelfSigned;
import io.socketdeck.core.tls.TlsInputException.Field;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.ClosedPort;
import io.socketdeck.testsupport.RestartableServer;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Auto-reconnect from the window against a real server that stops and starts again on the same
 * port: with a FIN, with an RST, and refusing while it is down.
 */
@ExtendWith(ApplicationExtension.class)
class AutoReconnectTabTest {

    private MainWindow window;
    private TcpClientViewModel viewModel;
    private RestartableServer server;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        viewModel = window.tab(TcpClientViewModel.class);
    }

    @AfterEach
    void tearDown() throws Exception {
        runFx(window::shutdown);
        runFx(() -> I18n.use(Locale.ENGLISH));
        if (server != null) {
            server.close();
        }
    }

    private long count(TimelineEvent.Kind kind) {
        return viewModel.traffic().timeline().timeline().all().events().stream().filter(e -> e.kind() == kind).count();
    }

    /** Starts a server and connects to it through the window, reconnecting on with these delays (ms). */
    private void connectReconnecting(FxRobot robot, String firstDelay, String longestDelay) throws Exception {
        server = RestartableServer.start();
        runFx(() -> {
            viewModel.portProperty().set(Integer.toString(server.port()));
            viewModel.reconnect().initialDelayProperty().set(firstDelay);
            viewModel.reconnect().maxDelayProperty().set(longestDelay);
        });
        click(robot, "#clientReconnect");
        click(robot, "#clientConnect");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected");
    }

    /** What the server and the tab went through, for a failure's message; any thread. */
    private String diagnosis() {
        return "accepted " + server.accepted() + ", " + onFx(() -> viewModel.stateProperty().get()
                + ", pending " + viewModel.reconnect().pendingProperty().get() + ", attempt " + viewModel.reconnect().attempt()
                + ", timeline " + viewModel.traffic().timeline().timeline().all().events());
    }

    /** The log's error rows about a refused connection; FX thread. */
    private List<LogEntry> refusalRows() {
        return viewModel.traffic().log().entries().stream()
                .filter(e -> e.kind() == LogEntry.Kind.ERROR && e.message().contains("refused")).toList();
    }

    @Test
    void reconnectsEachTimeTheServerIsRestartedAndLogsInAgain(FxRobot robot) throws Exception {
        server = RestartableServer.start();
        runFx(() -> {
            window.quickCommands().add(QuickCommand.text("login", "LOGIN admin\n"));
            viewModel.portProperty().set(Integer.toString(server.port()));
            ClientReconnect reconnect = viewModel.reconnect();
            reconnect.initialDelayProperty().set("100");
            reconnect.maxDelayProperty().set("400");
            reconnect.jitterProperty().set("0");
            reconnect.onConnectCommandProperty().set("login");
        });
        click(robot, "#clientReconnect");
        assertTrue(onFx(() -> viewModel.reconnect().enabledProperty().get()));
        click(robot, "#clientConnect");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected");
        Await.until(() -> server.accepted() == 1 && server.receivedOn(0).equals("LOGIN admin\n"), SLOW_TIMEOUT,
                () -> "the login line on connect: " + server.accepted() + " " + (server.accepted() > 0 ? server.receivedOn(0) : ""));

        for (int round = 1; round <= 3; round++) {
            long refusedBefore = onFx(() -> count(TimelineEvent.Kind.FAILURE));
            server.stop(round == 2); // the second time with a reset
            // Down: attempts are refused until the server is back, each planning the next.
            awaitFx(() -> count(TimelineEvent.Kind.FAILURE) > refusedBefore, "an attempt refused while down");
            server.restart();
            int expected = round + 1;
            Await.until(() -> server.accepted() == expected, SLOW_TIMEOUT, () -> "connection " + expected + ": " + diagnosis());
            awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected again");
            int index = round;
            Await.until(() -> server.receivedOn(index).equals("LOGIN admin\n"), SLOW_TIMEOUT,
                    () -> "logged in again: '" + server.receivedOn(index) + "'");
        }
        assertEquals(4, onFx(() -> count(TimelineEvent.Kind.CONNECTED)));
        assertTrue(onFx(() -> count(TimelineEvent.Kind.RECONNECT)) >= 6, "a loss and a refusal each round");
        assertTrue(onFx(() -> count(TimelineEvent.Kind.DISCONNECTED)) >= 1, "the reset");
        assertFalse(onFx(() -> viewModel.reconnect().pendingProperty().get()));
        assertEquals(0, onFx(() -> viewModel.reconnect().attempt()), "a connection starts the count over");
    }

    /** Each attempt is a session of its own; their refusals are still one row with a count. */
    @Test
    void refusedAttemptsAreOneRowWithACount(FxRobot robot) throws Exception {
        connectReconnecting(robot, "100", "200");
        runFx(() -> viewModel.reconnect().jitterProperty().set("0"));
        server.stop(false);
        // The end state, counted where the log counts: four refusals in its rows, however many rows.
        awaitFx(() -> refusalRows().stream().mapToInt(LogEntry::repeats).sum() >= 4, "four attempts refused");
        List<LogEntry> refusals = onFx(this::refusalRows);
        assertEquals(1, refusals.size(), () -> "one row: " + refusals.stream().map(LogEntry::message).toList());
        assertTrue(refusals.get(0).repeats() >= 4, refusals.get(0).message());
        assertTrue(refusals.get(0).message().contains("(\u00d7"), refusals.get(0).message());
        click(robot, "#clientConnect"); // Cancel
    }

    @Test
    void theCountdownShowsAndTheConnectButtonCancelsIt(FxRobot robot) throws Exception {
        connectReconnecting(robot, "30000", "60000");
        server.stop(false);

        Label status = FxTesting.lookup(robot, "#clientReconnectStatus").queryAs(Label.class);
        Button connect = FxTesting.lookup(robot, "#clientConnect").queryButton();
        awaitFx(() -> status.isVisible() && status.getText().matches("reconnecting in \\d+ s, attempt 1"),
                () -> "countdown: " + status.getText());
        assertEquals("Cancel", onFx(connect::getText));
        assertTrue(onFx(() -> viewModel.statusProperty().get().startsWith("Not connected  ·  reconnecting in")),
                onFx(() -> viewModel.statusProperty().get()));
        runFx(() -> {
            I18n.use(Locale.CHINESE);
            viewModel.languageChanged();
        });
        assertTrue(onFx(() -> status.getText().matches("\\d+ 秒后重连，第 1 次")), onFx(status::getText));
        runFx(() -> {
            I18n.use(Locale.ENGLISH);
            viewModel.languageChanged();
        });

        click(robot, "#clientConnect"); // reads Cancel
        awaitFx(() -> !viewModel.reconnect().pendingProperty().get() && "Connect".equals(connect.getText())
                && !status.isVisible(), "countdown cancelled");
        assertEquals(ConnectionState.IDLE, onFx(() -> viewModel.stateProperty().get()));
        assertEquals("Not connected", onFx(() -> viewModel.statusProperty().get()));

        // The user's own Disconnect never reconnects.
        server.restart();
        click(robot, "#clientConnect");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.OPEN, "connected by hand");
        click(robot, "#clientConnect");
        awaitFx(() -> viewModel.stateProperty().get() == ConnectionState.IDLE, "disconnected by hand");
        assertFalse(onFx(() -> viewModel.reconnect().pendingProperty().get()), "no reconnect after Disconnect");
    }

    @Test
    void theSettingsOpenUnderTheirButton(FxRobot robot) {
        click(robot, "#clientReconnect");
        click(robot, "#clientReconnectSettings");
        awaitFx(() -> FxTesting.lookup(robot, "#clientReconnectInitial").tryQuery().isPresent(), "the settings opened");
        javafx.geometry.Bounds button = onFx(() -> FxTesting.lookup(robot, "#clientReconnectSettings").query()
                .localToScreen(FxTesting.lookup(robot, "#clientReconnectSettings").query().getLayoutBounds()));
        javafx.geometry.Bounds section = onFx(() -> FxTesting.lookup(robot, "#clientReconnectSection").query()
                .localToScreen(FxTesting.lookup(robot, "#clientReconnectSection").query().getLayoutBounds()));
        assertTrue(Math.abs(section.getMinX() - button.getMinX()) <= 12 && section.getMinY() > button.getMaxY(),
                "under the button: " + section + " / " + button);
    }

    @Test
    void theSettingsArePersistedAndOffIsTheDefault() {
        assertFalse(onFx(() -> viewModel.reconnect().enabledProperty().get()), "off by default");
        Settings settings = new Settings();
        runFx(() -> {
            ClientReconnect reconnect = viewModel.reconnect();
            reconnect.enabledProperty().set(true);
            reconnect.initialDelayProperty().set("250");
            reconnect.maxDelayProperty().set("9000");
            reconnect.jitterProperty().set("35");
            reconnect.onConnectCommandProperty().set("login");
            viewModel.persisted().saveTo(settings, viewModel.settingsKey());
        });
        assertTrue(settings.getBoolean("tcpClient.reconnect.enabled", false));
        assertEquals("9000", settings.getString("tcpClient.reconnect.maxDelay", ""));
        runFx(() -> {
            viewModel.reconnect().enabledProperty().set(false);
            viewModel.reconnect().jitterProperty().set("0");
            viewModel.reconnect().onConnectCommandProperty().set("");
            viewModel.persisted().restoreFrom(settings, viewModel.settingsKey());
        });
        assertTrue(onFx(() -> viewModel.reconnect().enabledProperty().get()));
        assertEquals("250", onFx(() -> viewModel.reconnect().initialDelayProperty().get()));
        assertEquals("35", onFx(() -> viewModel.reconnect().jitterProperty().get()));
        assertEquals("login", onFx(() -> viewModel.reconnect().onConnectCommandProperty().get()));
    }

    @Test
    void aWrongSettingOpensTheSettingsAgainAtEachConnect(FxRobot robot) {
        runFx(() -> {
            viewModel.portProperty().set("1");
            viewModel.reconnect().enabledProperty().set(true);
            viewModel.reconnect().jitterProperty().set("150");
        });
        for (int attempt = 1; attempt <= 2; attempt++) {
            click(robot, "#clientConnect");
            awaitFx(() -> showing(robot, "#clientReconnectJitterError"),
                    "Connect " + attempt + " opens the settings on the wrong jitter");
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            awaitFx(() -> !showing(robot, "#clientReconnectJitterError"), "Esc closes the settings");
        }
        assertEquals(ConnectionState.IDLE, onFx(() -> viewModel.stateProperty().get()));
    }

    /** In a window that shows: a closed popup's nodes are still found by a lookup. */
    private static boolean showing(FxRobot robot, String id) {
        return onFx(() -> FxTesting.lookup(robot, id).tryQuery()
                .map(node -> node.getScene() != null && node.getScene().getWindow().isShowing()).orElse(false));
    }

    @Test
    void wrongSettingsAreMessagesAtTheirFieldsAndNothingConnects(FxRobot robot) throws Exception {
        server = RestartableServer.start();
        runFx(() -> {
            viewModel.portProperty().set(Integer.toString(server.port()));
            viewModel.reconnect().enabledProperty().set(true);
            viewModel.reconnect().initialDelayProperty().set("5000");
            viewModel.reconnect().maxDelayProperty().set("1000");
            viewModel.reconnect().jitterProperty().set("150");
        });
        click(robot, "#clientConnect");
        awaitFx(() -> FxTesting.lookup(robot, "#clientReconnectMaxError").tryQuery().isPresent(),
                "the settings opened");
        Label maxError = FxTesting.lookup(robot, "#clientReconnectMaxError").queryAs(Label.class);
        Label jitterError = FxTesting.lookup(robot, "#clientReconnectJitterError").queryAs(Label.class);
        assertEquals("The longest delay must not be shorter than the first.", onFx(maxError::getText));
        assertEquals("The jitter must be a percentage from 0 to 100.", onFx(jitterError::getText));
        assertEquals(ConnectionState.IDLE, onFx(() -> viewModel.stateProperty().get()));
        assertEquals(0, server.accepted());
    }

    /**
     * An attempt runs on the window's tick, where no dialog may open and nobody may be there to
     * answer one: a certificate that needs its password stops reconnecting, said at the field and
     * in the log, and nothing asks.
     */
    @Test
    void anAttemptThatNeedsAPasswordStopsWithAMessageInsteadOfAsking(FxRobot robot) throws Exception {
        KeyMaterial device = SelfSigned.generate(List.of("device-7"), SelfSigned.ONE_YEAR);
        Path p12 = dir.resolve("device.p12");
        SelfSigned.writePkcs12(device, p12, "s3cret-pw".toCharArray());
        int refused = ClosedPort.find(); // checked: a connect there is refused
        runFx(() -> {
            viewModel.portProperty().set(Integer.toString(refused));
            viewModel.reconnect().enabledProperty().set(true);
            viewModel.reconnect().initialDelayProperty().set("300");
            viewModel.reconnect().maxDelayProperty().set("300");
            viewModel.reconnect().jitterProperty().set("0");
        });
        click(robot, "#clientConnect");
        // Switched on during a countdown (a refusal plans the next whatever the timing), as a user would.
        awaitFx(() -> {
            if (!viewModel.reconnect().pendingProperty().get()) {
                return false;
            }
            viewModel.tls().clientCertProperty().set(p12.toString());
            viewModel.tls().enabledProperty().set(true);
            return true;
        }, "an attempt planned");
        awaitFx(() -> viewModel.tls().errorProperty(Field.CERTIFICATE).get() != null
                && viewModel.traffic().log().entries().stream().anyMatch(e -> e.message().startsWith("Reconnecting stopped")),
                () -> "the message and the row: " + diagnosisWithoutServer());
        assertEquals(p12 + " needs its password: click Connect to enter it.",
                onFx(() -> viewModel.tls().errorProperty(Field.CERTIFICATE).get()));
        assertFalse(onFx(() -> viewModel.reconnect().pendingProperty().get()), "reconnecting stopped");
        assertEquals(ConnectionState.IDLE, onFx(() -> viewModel.stateProperty().get()));
        assertEquals("Connect", onFx(() -> FxTesting.lookup(robot, "#clientConnect").queryButton().getText()));
        assertEquals(List.of(), onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getModality() != javafx.stage.Modality.NONE).toList()),
                "no prompt");
    }

    private String diagnosisWithoutServer() {
        return onFx(() -> viewModel.stateProperty().get() + ", pending " + viewModel.reconnect().pendingProperty().get()
                + ", certificate message " + viewModel.tls().errorProperty(Field.CERTIFICATE).get()
                + ", rows " + viewModel.traffic().log().entries().stream().map(LogEntry::message).toList());
    }
}
