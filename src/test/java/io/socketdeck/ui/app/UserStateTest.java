package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.TIMEOUT;
import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.capture.CaptureOptions;
import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.SourceServer;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.capture.CaptureModel;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.Tips;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * No action the user takes (Clear, a language switch, a field check) destroys state they did not
 * ask to lose: connections, a server's clients, a capture, what was typed, a field's help.
 */
@ExtendWith(ApplicationExtension.class)
class UserStateTest {

    private final List<AutoCloseable> peers = new ArrayList<>();
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() throws Exception {
        runFx(() -> {
            window.shutdown();
            I18n.use(Locale.ENGLISH);
        });
        for (AutoCloseable peer : peers) {
            peer.close();
        }
    }

    @Test
    void clearDuringAFloodAndAtTheMomentOfAPeerCloseNeverLeavesTheTabStuck() throws Exception {
        TcpClientViewModel client = window.tab(TcpClientViewModel.class);
        byte[] flood = new byte[8 * 1024 * 1024];
        new Random(1).nextBytes(flood);
        SourceServer source = new SourceServer(flood); // sends it all, then closes
        peers.add(source);
        runFx(() -> {
            client.portProperty().set(Integer.toString(source.address().getPort()));
            client.connect();
        });
        // Clear as fast as the FX thread allows while rows and the peer's end of stream are queued.
        Await.until(() -> {
            runFx(() -> client.traffic().log().clear());
            return onFx(() -> client.peerFinishedProperty().get());
        }, TIMEOUT, "the tab saw the peer finish, however often Clear was clicked");
        assertEquals(flood.length, onFx(() -> client.traffic().counters().rxBytesProperty().get()),
                "Clear empties rows, never counts");
        // Still connected (the peer may wait for an answer) until we close; Closed is not lost either.
        Await.until(() -> {
            runFx(() -> {
                client.disconnect();
                client.traffic().log().clear();
            });
            return onFx(() -> client.stateProperty().get() == ConnectionState.IDLE);
        }, TIMEOUT, "idle after the disconnect, however often Clear was clicked");
    }

    @Test
    void clearRightAfterDisconnectStillSeesTheDisconnectThrough(FxRobot robot) throws Exception {
        TcpClientViewModel client = window.tab(TcpClientViewModel.class);
        EchoPeer echo = EchoPeers.tcp();
        peers.add(echo);
        runFx(() -> {
            client.portProperty().set(Integer.toString(echo.address().getPort()));
            client.connect();
        });
        awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
        runFx(() -> { // the old bug: Clear threw away the queued Closed, leaving the tab in CLOSING
            client.disconnect();
            client.traffic().log().clear();
        });
        awaitFx(() -> client.stateProperty().get() == ConnectionState.IDLE, "idle after the disconnect");
        assertFalse(onFx(() -> FxTesting.lookup(robot, "#clientConnect").queryAs(Button.class).isDisabled()),
                "the connect button works again");
    }

    /** The server tab listens on 127.0.0.1 at a port the system picks; returns once it does. */
    private static void listenOnLoopback(TcpServerViewModel server) {
        runFx(() -> {
            server.bindAddressProperty().set("127.0.0.1");
            server.portProperty().set("0");
            server.listen();
        });
        awaitFx(() -> server.stateProperty().get() == ConnectionState.OPEN, "listening");
    }

    @Test
    void clearWhileClientsLeaveLeavesNoGhostInTheTable() throws Exception {
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        listenOnLoopback(server);
        String address = onFx(() -> server.listeningAddressProperty().get());
        List<TcpProbe> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(TcpProbe.connect(address));
        }
        awaitFx(() -> server.clients().size() == 20, () -> "20 rows, " + onFx(() -> server.clients().size()));
        for (TcpProbe probe : clients) {
            probe.close(true); // a reset ends the connection at once (a FIN would leave it open for an answer)
            runFx(() -> server.traffic().log().clear());
        }
        awaitFx(() -> server.clients().isEmpty(), () -> "no ghost rows, " + onFx(() -> server.clients().size()));
        assertEquals(ConnectionState.OPEN, onFx(() -> server.stateProperty().get()), "still listening");
    }

    @Test
    void switchingTheLanguageKeepsTheServerItsClientsTheCaptureAndWhatWasTyped(FxRobot robot, @TempDir Path dir)
            throws Exception {
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        Path capture = dir.resolve("capture.bin");
        runFx(() -> {
            server.bindAddressProperty().set("127.0.0.1");
            server.portProperty().set("0");
            server.listen();
            server.traffic().capture().start(CaptureOptions.raw(capture));
            server.traffic().sendBox().textProperty().set("typed, not sent");
        });
        awaitFx(() -> server.stateProperty().get() == ConnectionState.OPEN, "listening");
        awaitFx(() -> server.traffic().capture().runningProperty().get(), "capturing");
        TcpProbe probe = TcpProbe.connect(onFx(() -> server.listeningAddressProperty().get()));
        peers.add(probe);
        probe.send("before");
        awaitFx(() -> server.traffic().counters().rxBytesProperty().get() == 6, "first bytes in");
        int rowsBefore = onFx(() -> server.traffic().log().entries().size());

        click(robot, "#tabTcpServer"); // the user looks at the server when switching
        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));

        assertEquals("tabTcpServer", onFx(() -> FxTesting.lookup(robot, ".session-tabs")
                .queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getId()), "the same tab stays in front");
        awaitFx(() -> FxTesting.lookup(robot, "#serverInput").tryQuery().isPresent(), "the server's view is shown");
        assertEquals("停止", onFx(() -> FxTesting.lookup(robot, "#serverListen").queryAs(Button.class).getText()),
                "the window speaks Chinese");
        assertEquals(ConnectionState.OPEN, onFx(() -> server.stateProperty().get()), "still listening");
        assertEquals(1, onFx(() -> server.clients().size()), "the client is still in the table");
        assertTrue(onFx(() -> server.traffic().capture().runningProperty().get()), "the capture still runs");
        assertEquals("typed, not sent", onFx(() -> FxTesting.lookup(robot, "#serverInput").queryAs(TextArea.class)
                .getText()));
        assertTrue(onFx(() -> server.traffic().log().entries().size()) >= rowsBefore, "the log kept its rows");

        probe.send("after");
        awaitFx(() -> server.traffic().counters().rxBytesProperty().get() == 11, "the connection still carries data");
        awaitFx(() -> FxTesting.lookup(robot, "#serverLog").queryListView().getItems().stream()
                .anyMatch(e -> e instanceof LogEntry entry && "after".equals(entry.text())), "shown in the new view");
        runFx(() -> server.traffic().capture().stop());
        awaitFx(() -> server.traffic().capture().stateProperty().get() == CaptureModel.State.IDLE,
                "the capture's file closed");
        assertEquals("beforeafter", Files.readString(capture, StandardCharsets.UTF_8), "the capture has both");
    }

    @Test
    void switchingTheLanguageKeepsTheChosenClientsAndOneLeavingNeverChoosesAnother(FxRobot robot) throws Exception {
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        listenOnLoopback(server);
        List<TcpProbe> probes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TcpProbe probe = TcpProbe.connect(onFx(() -> server.listeningAddressProperty().get()));
            peers.add(probe);
            probes.add(probe);
        }
        awaitFx(() -> server.clients().size() == 3, "three clients in the table");
        click(robot, "#tabTcpServer");
        javafx.scene.control.TableView<?> before = FxTesting.lookup(robot, "#serverClients").queryTableView();
        runFx(() -> before.getSelectionModel().selectIndices(0, 2));
        List<Object> chosen = onFx(() -> List.copyOf(server.selectedClients()));
        assertEquals(2, chosen.size(), "two clients chosen");

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));
        awaitFx(() -> FxTesting.lookup(robot, "#serverClients").tryQuery().filter(table -> table != before).isPresent(),
                "the new table is shown");
        javafx.scene.control.TableView<?> after = FxTesting.lookup(robot, "#serverClients").queryTableView();
        assertEquals(chosen, onFx(() -> List.copyOf(after.getSelectionModel().getSelectedItems())),
                "the new table shows the same clients chosen");
        assertEquals(chosen, onFx(() -> List.copyOf(server.selectedClients())), "and a send still goes to them");

        probes.get(0).close(true); // the first chosen client leaves (reset): the old table's selection follows the rows too
        awaitFx(() -> server.clients().size() == 2, "the client left the table");
        awaitFx(() -> server.selectedClients().size() == 1, "one chosen client left");
        assertEquals(onFx(() -> List.copyOf(after.getSelectionModel().getSelectedItems())),
                onFx(() -> List.copyOf(server.selectedClients())), "the model follows the table in front");
        assertEquals(List.of(chosen.get(1)), onFx(() -> List.copyOf(server.selectedClients())));
    }

    @Test
    void aFieldKeepsItsHelpTooltipAroundAValidationMessage(FxRobot robot) {
        TextField timeout = FxTesting.lookup(robot, "#clientTimeout").queryAs(TextField.class);
        String help = I18n.text("client.timeout.tooltip");
        assertEquals(help, onFx(() -> Tips.getText(timeout)), "help shown after binding");
        TcpClientViewModel client = window.tab(TcpClientViewModel.class);
        runFx(() -> {
            client.portProperty().set("7");
            client.connectTimeoutProperty().set("soon");
            client.connect();
        });
        assertEquals(onFx(() -> client.timeoutErrorProperty().get()), onFx(() -> Tips.getText(timeout)),
                "the problem while there is one");
        runFx(() -> client.connectTimeoutProperty().set("500"));
        assertEquals(help, onFx(() -> Tips.getText(timeout)), "the help again once fixed");
    }

    @Test
    void settingsAreSavedSoonAfterAnEditNotOnlyAtExit() {
        AtomicInteger saves = new AtomicInteger();
        runFx(() -> new SettingsAutosave(window.tick(), window.remembered(), saves::incrementAndGet));
        runFx(() -> window.quickCommands().add(QuickCommand.text("ping", "PING")));
        awaitFx(() -> saves.get() == 1, () -> "saved once after adding a quick command: " + saves.get());
        runFx(() -> {
            TcpClientViewModel client = window.tab(TcpClientViewModel.class);
            client.hostProperty().set("192.0.2.1");
            client.hostProperty().set("192.0.2.10"); // edits in a row: one save
        });
        awaitFx(() -> saves.get() == 2, () -> "saved again after editing a field: " + saves.get());
    }

    @Test
    void anIdleWindowStopsPulsingAndTrafficWakesIt() throws Exception {
        awaitFx(() -> !window.tick().isPulsing(), "nothing to do: no pulse");
        TcpClientViewModel client = window.tab(TcpClientViewModel.class);
        EchoPeer echo = EchoPeers.tcp();
        peers.add(echo);
        runFx(() -> {
            client.portProperty().set(Integer.toString(echo.address().getPort()));
            client.connect();
        });
        awaitFx(() -> client.stateProperty().get() == ConnectionState.OPEN, "connected");
        runFx(() -> {
            client.traffic().sendBox().textProperty().set("hello");
            client.send();
        });
        awaitFx(() -> client.traffic().counters().rxBytesProperty().get() == 5, "echoed and counted");
        awaitFx(() -> client.traffic().log().entries().stream().anyMatch(e -> "hello".equals(e.text())), "shown");
    }
}
