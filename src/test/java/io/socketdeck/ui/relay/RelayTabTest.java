package io.socketdeck.ui.relay;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.core.relay.RelayProtocol;
import io.socketdeck.core.relay.RewriteRule;
import io.socketdeck.core.session.Leg;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.ClosedPort;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.SinkServer;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.testsupport.UdpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The relay tab driven through its controls, between real peers on loopback: a client (a Java
 * socket, or python3 where installed) and an echo target (ncat, socat or python3).
 */
@ExtendWith(ApplicationExtension.class)
class RelayTabTest {

    private static final Duration TIMEOUT = FxTesting.TIMEOUT;

    private MainWindow window;
    private Stage stage;
    private final List<AutoCloseable> peers = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
        runFx(() -> MainWindowFixture.showTab(stage.getScene().getRoot(), "tabRelay"));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable peer : peers) {
            peer.close();
        }
        runFx(() -> {
            window.shutdown();
            I18n.use(Locale.ENGLISH);
        });
    }

    private RelayViewModel model() {
        return window.tab(RelayViewModel.class);
    }

    private EchoPeer echoTarget() throws Exception {
        EchoPeer echo = EchoPeers.tcp();
        peers.add(echo);
        return echo;
    }

    private TcpProbe client(InetSocketAddress relay) throws Exception {
        TcpProbe probe = TcpProbe.connect(relay);
        peers.add(probe);
        return probe;
    }

    private void type(FxRobot robot, String id, String text) {
        FxTesting.setText(robot, id, text);
    }

    /** Starts the relay from the window, listening on a free loopback port; returns where clients connect. */
    private InetSocketAddress startRelay(FxRobot robot, int targetPort) {
        type(robot, "#relayListenHost", "127.0.0.1");
        type(robot, "#relayListenPort", "0");
        type(robot, "#relayTargetHost", "127.0.0.1");
        type(robot, "#relayTargetPort", Integer.toString(targetPort));
        click(robot, "#relayStart");
        awaitFx(() -> model().stateProperty().get() == ConnectionState.OPEN, () -> "relay open; log: " + logLines(robot));
        String address = onFx(() -> model().listeningAddressProperty().get());
        return new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
    }

    /** Opens the fault popup and types {@code text} into the fault field {@code id}. */
    private void fault(FxRobot robot, String id, String text) {
        if (FxTesting.lookup(robot, id).tryQuery().isEmpty()) {
            click(robot, "#relayFaults");
        }
        FxTesting.setText(robot, id, text);
    }

    @SuppressWarnings("unchecked")
    private TableView<RelayRow> table(FxRobot robot) {
        return FxTesting.lookup(robot, "#relayConnections").queryAs(TableView.class);
    }

    /** The texts the table shows in the row of {@code client}, column by column, as a user reads them. */
    private List<String> shownRow(FxRobot robot, String client) {
        TableView<RelayRow> table = table(robot);
        return onFx(() -> {
            table.getItems().stream().filter(r -> r.client().equals(client)).findFirst().ifPresent(table::scrollTo);
            table.layout();
            for (Node node : table.lookupAll(".table-row-cell")) {
                if (node instanceof TableRow<?> row && row.getItem() instanceof RelayRow relayed
                        && relayed.client().equals(client)) {
                    return row.getChildrenUnmodifiable().stream().filter(TableCell.class::isInstance)
                            .map(cell -> ((TableCell<?, ?>) cell).getText()).toList();
                }
            }
            return List.<String>of();
        });
    }

    private void selectRow(FxRobot robot, String client) {
        TableView<RelayRow> table = table(robot);
        awaitFx(() -> table.getItems().stream().anyMatch(r -> r.client().equals(client)), "a row for " + client);
        runFx(() -> table.getSelectionModel().clearAndSelect(table.getItems().indexOf(
                table.getItems().stream().filter(r -> r.client().equals(client)).findFirst().orElseThrow())));
    }

    private ListView<LogEntry> log(FxRobot robot) {
        return FxTesting.lookup(robot, "#relayLog").queryListView();
    }

    private void awaitLog(FxRobot robot, Predicate<LogEntry> entry, String what) {
        ListView<LogEntry> log = log(robot);
        awaitFx(() -> log.getItems().stream().anyMatch(entry), () -> what + "; log: " + logLines(robot));
    }

    private List<String> logLines(FxRobot robot) {
        ListView<LogEntry> log = log(robot);
        return onFx(() -> log.getItems().stream()
                .map(e -> e.kind() + " " + e.peer() + " " + (e.isData() ? e.text() : e.message())).toList());
    }

    private String label(FxRobot robot, String id) {
        return FxTesting.labelText(robot, id);
    }

    @Test
    void bothDirectionsShowInTheLogWithTheirDirectionAndTheTableCountsEachWay(FxRobot robot) throws Exception {
        EchoPeer target = echoTarget();
        InetSocketAddress relay = startRelay(robot, target.port());
        byte[] hello = "温度=21.5 hello".getBytes(StandardCharsets.UTF_8);
        String client;
        if (PythonPeer.available()) { // another stack than the JDK's at the client's end
            PythonPeer python = PythonPeer.tcpClient(relay, hello);
            peers.add(python);
            client = Addresses.format(python.address());
            Await.until(() -> python.received().length == hello.length, TIMEOUT, "python got its echo back");
        } else {
            TcpProbe probe = client(relay);
            probe.send(hello);
            assertEquals("温度=21.5 hello", new String(probe.readExactly(hello.length, TIMEOUT), StandardCharsets.UTF_8));
            client = Addresses.format(probe.localAddress());
        }
        String targetAddress = "127.0.0.1:" + target.port();
        awaitLog(robot, e -> e.isData() && "温度=21.5 hello".equals(e.text()) && e.peer().startsWith(client)
                && e.peer().contains("\u2192") && e.peer().endsWith(targetAddress), "client → target, decoded");
        awaitLog(robot, e -> e.isData() && "温度=21.5 hello".equals(e.text()) && e.peer().startsWith(targetAddress)
                && e.peer().endsWith(client), "target → client, decoded");
        String bytes = Integer.toString(hello.length);
        Await.until(() -> {
            List<String> row = shownRow(robot, client);
            return row.size() == 7 && row.get(1).equals(targetAddress) && row.get(2).equals(bytes) && row.get(3).equals(bytes) && row.get(5).equals("open");
        }, TIMEOUT, () -> "the row counts each way: " + shownRow(robot, client));
        assertTrue(onFx(() -> model().statusProperty().get()).contains(targetAddress), onFx(() -> model().statusProperty().get()));
    }

    @Test
    void latencySliceAndResetSetFromTheWindowApplyToALiveConnection(FxRobot robot) throws Exception {
        EchoPeer target = echoTarget();
        InetSocketAddress relay = startRelay(robot, target.port());
        TcpProbe probe = client(relay);
        probe.send("warm");
        probe.readExactly(4, TIMEOUT); // connected both ways before any fault

        fault(robot, "#relayUpLatency", "300");
        awaitFx(() -> model().upFaults().latencyMillis() == 300, "the latency applied");
        assertTrue(onFx(() -> FxTesting.lookup(robot, ".fault-badge").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("300"))), "a badge says latency is on");
        long sent = System.nanoTime();
        probe.send("late");
        probe.readExactly(4, Duration.ofSeconds(10));
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(millis >= 290, "the echo came back after the latency: " + millis + " ms");

        fault(robot, "#relayUpLatency", "");
        fault(robot, "#relayDownSlice", "2");
        fault(robot, "#relayDownSliceDelay", "200");
        awaitFx(() -> model().downFaults().sliceBytes() == 2 && model().downFaults().sliceDelayMillis() == 200
                && model().upFaults().latencyMillis() == 0, "slicing on, latency off");
        long sliced = System.nanoTime();
        probe.send("abcdef");
        // Three slices, two pauses of 200 ms between them: what the far end measures, whatever its reads.
        assertEquals("abcdef", new String(probe.readExactly(6, Duration.ofSeconds(10)), StandardCharsets.US_ASCII));
        long slicedMillis = (System.nanoTime() - sliced) / 1_000_000;
        assertTrue(slicedMillis >= 390, "two pauses between three slices: " + slicedMillis + " ms");

        fault(robot, "#relayDownSlice", "");
        fault(robot, "#relayUpResetAfter", "5");
        awaitFx(() -> model().upFaults().resetAfterBytes() == 5, "reset after 5 bytes applied");
        probe.send("0123456789");
        assertTrue(probe.awaitClosedByPeer(TIMEOUT), "the relay cut the connection");
        assertTrue(probe.wasResetByPeer(), "with a reset, not a FIN");
        awaitLog(robot, e -> !e.isData() && e.message().startsWith("Reset the connection after"),
                "the reset is an event in the log");
    }

    @Test
    void aFloodThroughTheRelayArrivesWholeAndIsCountedExactly(FxRobot robot) throws Exception {
        SinkServer sink = new SinkServer();
        peers.add(sink);
        InetSocketAddress relay = startRelay(robot, sink.address().getPort());
        TcpProbe probe = client(relay);
        byte[] chunk = new byte[64 * 1024];
        new java.util.Random(15).nextBytes(chunk);
        int chunks = 128; // 8 MiB: every read a log row through the pump, the window stays live
        java.security.MessageDigest sent = java.security.MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < chunks; i++) {
            probe.send(chunk);
            sent.update(chunk);
        }
        long total = (long) chunks * chunk.length;
        sink.awaitReceived(total, FxTesting.SLOW_TIMEOUT);
        assertTrue(java.util.Arrays.equals(sent.digest(), sink.digest()), "byte-exact at the far end");
        String client = Addresses.format(probe.localAddress());
        Await.until(() -> {
            List<String> row = shownRow(robot, client);
            return row.size() == 7 && row.get(2).equals(I18n.count(total)) && row.get(3).equals("0");
        }, TIMEOUT, () -> "the row counts every byte up: " + shownRow(robot, client));
        awaitFx(() -> model().traffic().counters().rxBytesProperty().get() == total, "the tab's counter is exact");
        assertTrue(onFx(() -> log(robot).getItems().size()) <= onFx(() -> model().traffic().log().maxEntries()),
                "the log keeps to its bound");
    }

    @Test
    void holdQueuesTheBytesAndReleaseDeliversThem(FxRobot robot) throws Exception {
        EchoPeer target = echoTarget();
        InetSocketAddress relay = startRelay(robot, target.port());
        TcpProbe probe = client(relay);
        probe.send("warm");
        probe.readExactly(4, TIMEOUT);

        click(robot, "#relayHold");
        awaitFx(() -> model().holdProperty().get(), "held");
        probe.send("kept back");
        awaitFx(() -> model().heldBytesProperty().get() == "kept back".length(),
                () -> "the held bytes are counted: " + model().heldBytesProperty().get());
        awaitFx(() -> label(robot, "#relayConnectionCount").endsWith("9 B held"), "the held bytes are shown");
        assertEquals("Release", onFx(() -> FxTesting.lookup(robot, "#relayHold").queryLabeled().getText()));
        assertEquals(0, probe.readAvailable(Duration.ofMillis(300)).length, "nothing went through while held");

        click(robot, "#relayHold");
        assertEquals("kept back", probe.readUtf8("kept back", TIMEOUT));
        awaitFx(() -> model().heldBytesProperty().get() == 0, "nothing held after release");
    }

    @Test
    void disconnectSelectedClosesThatConnectionAndSendInjectsIntoTheChosenDirection(FxRobot robot) throws Exception {
        EchoPeer target = echoTarget();
        InetSocketAddress relay = startRelay(robot, target.port());
        TcpProbe kept = client(relay);
        TcpProbe kicked = client(relay);
        kept.send("a");
        kept.readExactly(1, TIMEOUT);
        kicked.send("b");
        kicked.readExactly(1, TIMEOUT);
        String keptAddress = Addresses.format(kept.localAddress());

        // Injected towards the client, as if the target had said it.
        selectRow(robot, keptAddress);
        runFx(() -> model().directionProperty().set(Leg.DOWN));
        TextArea input = FxTesting.lookup(robot, "#relayInput").queryAs(TextArea.class);
        runFx(() -> input.setText("from the relay"));
        click(robot, "#relaySend");
        assertEquals("from the relay", kept.readUtf8("from the relay", TIMEOUT));

        selectRow(robot, Addresses.format(kicked.localAddress()));
        click(robot, "#relayDisconnect");
        assertTrue(kicked.awaitClosedByPeer(TIMEOUT), "the kicked client is closed");
        awaitFx(() -> table(robot).getItems().size() == 1, "one row left");
        kept.send("still here");
        assertEquals("still here", kept.readUtf8("still here", TIMEOUT));
    }

    @Test
    void aRefusedTargetIsAnEventAndTheTabStaysUsable(FxRobot robot) throws Exception {
        int closed = ClosedPort.find();
        InetSocketAddress relay = startRelay(robot, closed);
        TcpProbe probe = client(relay);
        assertTrue(probe.awaitClosedByPeer(TIMEOUT), "the client is closed when its target refuses");
        awaitLog(robot, e -> e.kind() == LogEntry.Kind.ERROR, "the refusal is an event in the log");
        assertEquals(ConnectionState.OPEN, onFx(() -> model().stateProperty().get()), "still listening");

        click(robot, "#relayStart");
        awaitFx(() -> model().stateProperty().get() == ConnectionState.IDLE, "stopped");
        click(robot, "#relayFaults");
        click(robot, "#relayResetOnTargetFailure");
        assertTrue(onFx(() -> model().resetOnTargetFailureProperty().get()));
        InetSocketAddress resetting = startRelay(robot, closed);
        try {
            TcpProbe reset = client(resetting);
            assertTrue(reset.awaitClosedByPeer(TIMEOUT), "closed again");
            assertTrue(reset.wasResetByPeer(), "but with a reset this time");
        } catch (java.net.SocketException resetInItsConnect) {
            // The relay's reset can come before the client's connect call returns: a reset all the same.
            assertTrue(String.valueOf(resetInItsConnect.getMessage()).contains("reset"), resetInItsConnect::toString);
        }

        click(robot, "#relayStart");
        awaitFx(() -> model().stateProperty().get() == ConnectionState.IDLE, "stopped");
        EchoPeer target = echoTarget();
        InetSocketAddress again = startRelay(robot, target.port());
        TcpProbe second = client(again);
        second.send("works");
        assertEquals("works", second.readUtf8("works", TIMEOUT));
    }

    @Test
    void anUnknownTargetHostIsSaidAtItsFieldAndTheRelayKeepsListening(FxRobot robot) throws Exception {
        type(robot, "#relayListenHost", "127.0.0.1");
        type(robot, "#relayListenPort", "0");
        type(robot, "#relayTargetHost", "no-such-host.invalid");
        type(robot, "#relayTargetPort", "80");
        click(robot, "#relayStart");
        awaitFx(() -> model().stateProperty().get() == ConnectionState.OPEN, "relay open");
        String address = onFx(() -> model().listeningAddressProperty().get());
        TcpProbe probe = client(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(address.substring(address.lastIndexOf(':') + 1))));
        // The name is looked up at the client's connect, off the I/O thread: a resolver may be slow.
        Await.until(() -> label(robot, "#relayTargetHostError").contains("no-such-host.invalid"), FxTesting.SLOW_TIMEOUT,
                () -> "the message at the target host field; log: " + logLines(robot));
        assertTrue(probe.awaitClosedByPeer(TIMEOUT), "the client is closed");
        assertEquals(ConnectionState.OPEN, onFx(() -> model().stateProperty().get()), "still listening");
    }

    @Test
    void aListenPortInUseIsSaidAtItsFieldAndTheTabStaysIdle(FxRobot robot) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            type(robot, "#relayListenHost", "127.0.0.1");
            type(robot, "#relayListenPort", Integer.toString(taken.getLocalPort()));
            type(robot, "#relayTargetHost", "127.0.0.1");
            type(robot, "#relayTargetPort", "80");
            click(robot, "#relayStart");
            awaitFx(() -> model().stateProperty().get() == ConnectionState.IDLE
                    && label(robot, "#relayListenPortError").contains("in use"), "the port's message, idle again");
        }
    }

    @Test
    void badValuesShowMessagesAtTheirFields(FxRobot robot) {
        type(robot, "#relayListenPort", "0");
        type(robot, "#relayTargetHost", "");
        type(robot, "#relayTargetPort", "99999");
        click(robot, "#relayStart");
        assertEquals(ConnectionState.IDLE, onFx(() -> model().stateProperty().get()));
        assertFalse(label(robot, "#relayTargetHostError").isBlank(), "empty host has a message");
        assertTrue(label(robot, "#relayTargetPortError").contains("65"), label(robot, "#relayTargetPortError"));

        fault(robot, "#relayUpLatency", "soon");
        awaitFx(() -> !label(robot, "#relayUpLatencyError").isBlank(), "a word for a latency has a message");
        fault(robot, "#relayUpLatency", "10");
        fault(robot, "#relayUpJitter", "50");
        awaitFx(() -> label(robot, "#relayUpJitterError").contains("10"), "jitter above the latency has a message");
        fault(robot, "#relayDownCorrupt", "150");
        awaitFx(() -> label(robot, "#relayDownCorruptError").contains("100"), "a share above 100 % has a message");
        assertEquals(0, onFx(() -> model().upFaults().jitterMillis()), "a wrong value keeps the faults in force");
        assertEquals(10, onFx(() -> model().upFaults().latencyMillis()));
        fault(robot, "#relayUpJitter", "5");
        awaitFx(() -> model().upFaults().latencyMillis() == 10 && model().upFaults().jitterMillis() == 5,
                "once right, they apply");
        assertTrue(label(robot, "#relayUpJitterError").isBlank(), "and the message goes");
    }

    @Test
    void aWrongFaultAtStartOpensTheFaultPanelAlsoInAViewBuiltAgain(FxRobot robot) {
        runFx(() -> {
            stage.getScene().setRoot(window.useLanguage(Locale.SIMPLIFIED_CHINESE));
            MainWindowFixture.showTab(stage.getScene().getRoot(), "tabRelay");
        });
        type(robot, "#relayListenPort", "0");
        type(robot, "#relayTargetHost", "127.0.0.1");
        type(robot, "#relayTargetPort", "7");
        fault(robot, "#relayUpLatency", "soon");
        click(robot, "#relayListenPort"); // a click elsewhere closes the panel
        awaitFx(() -> !faultPanelShown(), "the panel closed");
        click(robot, "#relayStart");
        awaitFx(this::faultPanelShown, "the panel opens where the wrong value is");
        assertEquals(ConnectionState.IDLE, onFx(() -> model().stateProperty().get()));
        assertFalse(label(robot, "#relayFaultsError").isBlank(), "Faults… has a message");
    }

    private boolean faultPanelShown() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .anyMatch(shown -> shown.getScene().lookup("#relayUpLatency") != null);
    }

    @Test
    void switchingTheLanguageKeepsTheRelayItsConnectionsAndWhatWasTyped(FxRobot robot) throws Exception {
        EchoPeer target = echoTarget();
        InetSocketAddress relay = startRelay(robot, target.port());
        TcpProbe probe = client(relay);
        probe.send("before");
        probe.readExactly(6, TIMEOUT);
        fault(robot, "#relayDownLatency", "20");
        TextArea input = FxTesting.lookup(robot, "#relayInput").queryAs(TextArea.class);
        runFx(() -> input.setText("half typed"));

        runFx(() -> stage.getScene().setRoot(window.useLanguage(Locale.SIMPLIFIED_CHINESE)));
        assertEquals(ConnectionState.OPEN, onFx(() -> model().stateProperty().get()));
        awaitFx(() -> table(robot).getItems().size() == 1, "the connection is still in the table");
        assertEquals("half typed", onFx(() -> FxTesting.lookup(robot, "#relayInput").queryAs(TextArea.class)
                .getText()));
        assertEquals(20, onFx(() -> model().downFaults().latencyMillis()));
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#relayStart").queryButton().getText()).equals("停止"));
        probe.send("after");
        assertEquals("after", probe.readUtf8("after", TIMEOUT));
    }

    @Test
    void aRewriteRuleAddedInItsDialogChangesTheBytesAndCountsItsHits(FxRobot robot) throws Exception {
        EchoPeer target = echoTarget();
        InetSocketAddress relay = startRelay(robot, target.port());
        TcpProbe probe = client(relay);
        probe.send("warm");
        probe.readExactly(4, TIMEOUT);

        click(robot, "#relayFaults");
        click(robot, "#relayDownRewrite");
        @SuppressWarnings("unchecked")
        ComboBox<RewriteRule.Kind> kind = FxTesting.lookup(robot, "#relayRewriteKind").queryAs(ComboBox.class);
        runFx(() -> {
            kind.setValue(RewriteRule.Kind.REGEX);
            FxTesting.lookup(robot, "#relayRewriteMatch").queryAs(TextField.class).setText("temp=(");
        });
        runFx(() -> FxTesting.lookup(robot, "#relayRewriteAdd").queryButton().fire());
        assertTrue(label(robot, "#relayRewriteError").contains("regular expression"), label(robot, "#relayRewriteError"));
        runFx(() -> {
            FxTesting.lookup(robot, "#relayRewriteMatch").queryAs(TextField.class).setText("temp=(\\d+)");
            FxTesting.lookup(robot, "#relayRewriteReplace").queryAs(TextField.class).setText("temp=-$1");
            FxTesting.lookup(robot, "#relayRewriteAdd").queryButton().fire();
        });
        awaitFx(() -> model().downFaults().rewrites().size() == 1, "the rule applies at once");
        assertTrue(onFx(() -> FxTesting.lookup(robot, ".fault-badge").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("\u00d71"))), "a badge says a rewrite is on");

        probe.send("temp=21");
        assertEquals("temp=-21", probe.readUtf8("temp=-21", TIMEOUT), "the echo came back rewritten");
        awaitFx(() -> model().rewriteHits(Leg.DOWN).equals(List.of(1L)), "the rule counted its hit");
        awaitFx(() -> FxTesting.lookup(robot, "#relayRewriteRules").queryListView().lookupAll(".list-cell").stream()
                .anyMatch(n -> String.valueOf(((javafx.scene.control.Labeled) n).getText()).contains("1 hits")),
                "the dialog shows the hits");
        awaitLog(robot, e -> !e.isData() && e.message().contains("temp="), "the rewrite is an event in the log");
    }

    /** Owned by the window: it stays above it, and goes with it. */
    @Test
    void theRewriteDialogBelongsToTheWindow(FxRobot robot) {
        click(robot, "#relayFaults");
        Button opener = FxTesting.lookup(robot, "#relayUpRewrite").queryButton();
        Scene dialog = DialogDriver.open(opener, "relayRewriteMatch");
        try {
            assertSame(stage, onFx(() -> ((Stage) dialog.getWindow()).getOwner()));
        } finally {
            DialogDriver.press(dialog, ButtonType.CLOSE);
        }
        awaitFx(() -> !dialog.getWindow().isShowing(), "the dialog closed");
    }

    @Test
    void aUdpRelayCarriesDatagramsBothWays(FxRobot robot) throws Exception {
        UdpProbe target = UdpProbe.bind();
        peers.add(target);
        runFx(() -> model().protocolProperty().set(RelayProtocol.UDP));
        InetSocketAddress relay = startRelay(robot, target.port());
        UdpProbe device = UdpProbe.bind();
        peers.add(device);
        device.send("ping".getBytes(StandardCharsets.US_ASCII), relay);
        UdpProbe.Datagram up = target.receive(TIMEOUT);
        assertEquals("ping", new String(up.bytes(), StandardCharsets.US_ASCII));
        target.send("pong".getBytes(StandardCharsets.US_ASCII), up.sender());
        assertEquals("pong", new String(device.receive(TIMEOUT).bytes(), StandardCharsets.US_ASCII));
        String client = Addresses.format(device.address());
        awaitFx(() -> table(robot).getItems().stream().anyMatch(r -> r.client().equals(client)), "the flow has its row");
        awaitLog(robot, e -> e.isData() && "pong".equals(e.text()) && e.peer().endsWith(client), "target → client");

        fault(robot, "#relayUpDrop", "100");
        awaitFx(() -> model().upFaults().dropProbability() == 1.0, "drop applies to UDP");
        device.send("lost".getBytes(StandardCharsets.US_ASCII), relay);
        awaitLog(robot, e -> !e.isData() && e.message().toLowerCase(Locale.ROOT).contains("drop"), "the drop is an event");
        assertEquals(null, target.receiveOrNull(Duration.ofMillis(200)), "nothing reached the target");
    }

    @Test
    void theFieldsAndFaultsAreRememberedAcrossARestart() {
        Settings settings = new Settings();
        runFx(() -> {
            model().listenPortProperty().set("7000");
            model().targetHostProperty().set("device.local");
            model().targetPortProperty().set("502");
            model().faultFields(Leg.UP).latency.textProperty().set("50");
            model().faultFields(Leg.DOWN).rules().add(new LegFaultFields.RuleSpec(
                    io.socketdeck.core.relay.RewriteRule.Kind.HEX, "01 03 ?? ??", "01 83"));
            window.saveTo(settings);
        });
        assertEquals("502", settings.getString("relay.targetPort", ""));
        MainWindow restored = onFx(() -> new MainWindow(locale -> { }, settings));
        try {
            RelayViewModel again = restored.tab(RelayViewModel.class);
            assertEquals("device.local", onFx(() -> again.targetHostProperty().get()));
            assertEquals(50, onFx(() -> again.upFaults().latencyMillis()));
            assertEquals(1, onFx(() -> again.downFaults().rewrites().size()));
        } finally {
            runFx(restored::shutdown);
        }
    }
}
