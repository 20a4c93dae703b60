package io.socketdeck.ui.respond;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.ConnectionTabModel;
import io.socketdeck.ui.tcpserver.ServerTabDriver;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import io.socketdeck.ui.udp.UdpViewModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
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
 * Issue 12, echo, from the window in each kind of tab: the Echo switch sends every received
 * message back to its sender, and the log marks the answer AUTO.
 */
@ExtendWith(ApplicationExtension.class)
class EchoTabTest {

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        runFx(window::shutdown);
    }

    private static int portOf(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private static void awaitOpen(ConnectionTabModel tab) {
        awaitFx(() -> tab.stateProperty().get() == ConnectionState.OPEN, "open");
    }

    /** The log's TX rows as (badge text, payload) pairs, as a user reads them. */
    private static List<String> answers(ListView<LogEntry> log) {
        return onFx(() -> log.getItems().stream().filter(e -> e.kind() == LogEntry.Kind.TX)
                .map(e -> (e.automatic() ? "AUTO " : "TX ") + new String(e.bytes(), StandardCharsets.ISO_8859_1))
                .toList());
    }

    @Test
    void theServerTabEchoesEachClientAndMarksTheAnswerAuto(FxRobot robot) throws Exception {
        TcpServerViewModel server = window.tab(TcpServerViewModel.class);
        ServerTabDriver tab = new ServerTabDriver(robot, server);
        click(robot, "#serverEcho");
        InetSocketAddress listening = tab.listenOnLoopback(0);
        try (TcpProbe client = TcpProbe.connect(listening)) {
            client.send("STATUS?");
            assertEquals("STATUS?", client.readUtf8("STATUS?", FxTesting.TIMEOUT));
        }
        ListView<LogEntry> log = FxTesting.lookup(robot, "#serverLog").queryListView();
        awaitFx(() -> answers(log).equals(List.of("AUTO STATUS?")), () -> "the answer's row: " + answers(log));
        // The row is in the list before a cell shows it (the next pulse): wait for the cell's badge.
        awaitFx(() -> log.lookupAll(".log-badge").stream().anyMatch(node -> "AUTO".equals(((Label) node).getText())),
                "the row says it was not typed: an AUTO badge shown");
    }

    @Test
    void theUdpTabEchoesEachDatagramToItsSender(FxRobot robot) throws Exception {
        UdpViewModel udp = window.tab(UdpViewModel.class);
        runFx(() -> MainWindowFixture.showTab(stage.getScene().getRoot(), "tabUdp"));
        ComboBox<?> bind = FxTesting.lookup(robot, "#udpBindHost").queryComboBox();
        runFx(() -> bind.getEditor().setText("127.0.0.1"));
        runFx(() -> ((TextField) stage.getScene().lookup("#udpBindPort")).setText("0"));
        click(robot, "#udpEcho");
        click(robot, "#udpOpen");
        awaitOpen(udp);
        int port = portOf(onFx(() -> udp.localAddressProperty().get()));
        byte[] request = HexFormat.of().parseHex("010300000002c40b");
        try (UdpProbe sender = UdpProbe.bind()) {
            sender.send(request, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertArrayEquals(request, sender.receive(FxTesting.TIMEOUT).bytes(), "echoed back to the sender");
        }
    }

    @Test
    void theClientTabEchoesWhatTheDeviceSendsAndStopsWhenSwitchedOff(FxRobot robot) throws Exception {
        assumeTrue(PythonPeer.available(), "python3");
        byte[] greeting = "HELLO\r\n".getBytes(StandardCharsets.US_ASCII);
        try (PythonPeer device = PythonPeer.start("half_close_server.py", "127.0.0.1",
                HexFormat.of().formatHex(greeting))) {
            click(robot, "#clientEcho");
            click(robot, "#clientPort").write(Integer.toString(device.port()));
            click(robot, "#clientConnect");
            String echoed = "RX " + HexFormat.of().formatHex(greeting);
            Await.until(() -> device.stdout().contains(echoed), FxTesting.TIMEOUT, () -> "echoed: " + device.stdout());
        }
        click(robot, "#clientEcho");
        assertEquals(false, onFx(() -> window.tab(io.socketdeck.ui.tcpclient.TcpClientViewModel.class)
                .traffic().responses().echoProperty().get()), "switched off");
    }
}
