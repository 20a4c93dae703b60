package io.socketdeck.ui.tcpserver;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.net.Addresses;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.app.MainWindow;
import io.socketdeck.ui.app.MainWindowFixture;
import io.socketdeck.ui.fx.FxTesting;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The server tab driven through its controls, with real clients on loopback. */
@ExtendWith(ApplicationExtension.class)
class TcpServerTabTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Duration TIMEOUT = FxTesting.TIMEOUT;

    private MainWindow window;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        runFx(window::shutdown);
    }

    private TcpProbe javaClient(InetSocketAddress server) throws Exception {
        TcpProbe probe = TcpProbe.connect(server);
        clients.add(probe);
        return probe;
    }

    /** The server ids the README promises to scripts, read from its table, so the two cannot drift apart. */
    @Test
    void everyDocumentedServerIdExistsOnceInTheWindow(FxRobot robot) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Automation ids");
        // The table's rows: the prose above it names the ids of dialogs and popups, not of the window.
        String rows = readme.substring(start, readme.indexOf("\n## ", start + 1)).lines()
                .filter(line -> line.startsWith("|")).collect(java.util.stream.Collectors.joining("\n"));
        Matcher id = Pattern.compile("`(server[A-Za-z0-9]+)`").matcher(rows);
        click(robot, "#tabTcpServer"); // its view is built when first shown
        List<String> problems = new ArrayList<>();
        int checked = 0;
        while (id.find()) {
            String name = id.group(1);
            int found = onFx(() -> FxTesting.lookup(robot, "#" + name).queryAll().size());
            if (found != 1) {
                problems.add(name + " found " + found + " times");
            }
            checked++;
        }
        assertTrue(checked >= 16, "the README lists the server ids, found " + checked);
        assertEquals(List.of(), problems);
    }

    @Test
    void threeClientsAppearInTheTableAndEachOnesGbkTextIsShownWithItsAddress(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress server = tab.listenOnLoopback(0);
        ComboBox<Charset> encoding = FxTesting.lookup(robot, "#serverEncoding").queryComboBox();
        runFx(() -> encoding.setValue(GBK));

        // Two Java clients and, where python3 is installed, a python3 one: different stacks, one server.
        List<String> texts = List.of("一号机 温度=23.5℃", "二号机 湿度=41%", "三号机 状态=正常");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] gbk = texts.get(i).getBytes(GBK);
            if (i == 2 && PythonPeer.available()) {
                PythonPeer python = PythonPeer.tcpClient(server, gbk);
                clients.add(python);
                addresses.add(Addresses.format(python.address()));
            } else {
                TcpProbe probe = javaClient(server);
                probe.send(gbk);
                addresses.add(Addresses.format(probe.localAddress()));
            }
        }

        tab.awaitTableRows(3);
        assertEquals(Set.copyOf(addresses), Set.copyOf(tab.tableAddresses()));
        for (int i = 0; i < 3; i++) {
            String address = addresses.get(i);
            String text = texts.get(i);
            tab.awaitLog(e -> e.kind() == LogEntry.Kind.RX && address.equals(e.peer()) && text.equals(e.text()),
                    "GBK text of client " + address);
            tab.awaitLog(e -> e.kind() == LogEntry.Kind.INFO && address.equals(e.peer())
                    && e.message().startsWith("Client " + address + " connected"), "connect event of " + address);
        }
        for (int i = 0; i < 3; i++) {
            String address = addresses.get(i);
            String bytes = Integer.toString(texts.get(i).getBytes(GBK).length);
            Await.until(() -> tab.shownRow(address).size() == 4 && bytes.equals(tab.shownRow(address).get(2)),
                    TIMEOUT, () -> "the table shows what " + address + " sent: " + tab.shownRow(address));
        }
        assertTrue(tab.label("#serverStatus").endsWith("3 clients"), tab.label("#serverStatus"));
    }

    @Test
    void clickingAColumnHeaderSortsTheTableAndNewClientsTakeTheirPlace(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress server = tab.listenOnLoopback(0);
        List<TcpProbe> probes = List.of(javaClient(server), javaClient(server), javaClient(server));
        tab.awaitTableRows(3);
        click(robot, FxTesting.lookup(robot, ".column-header").match(node -> node.getId() != null
                && node.getId().equals("addressColumn")).queryAs(javafx.scene.Node.class));
        click(robot, FxTesting.lookup(robot, ".column-header").match(node -> node.getId() != null
                && node.getId().equals("addressColumn")).queryAs(javafx.scene.Node.class)); // descending
        List<Integer> ports = probes.stream().map(p -> p.localAddress().getPort()).sorted(Comparator.reverseOrder()).toList();
        awaitFx(() -> tab.table().getItems().stream().map(r -> r.remote().getPort()).toList().equals(ports),
                () -> "highest port first: " + tab.tableAddresses());
        TcpProbe late = javaClient(server);
        tab.awaitTableRows(4);
        int latePort = late.localAddress().getPort();
        awaitFx(() -> {
            List<Integer> shown = tab.table().getItems().stream().map(r -> r.remote().getPort()).toList();
            return shown.equals(shown.stream().sorted(Comparator.reverseOrder()).toList()) && shown.contains(latePort);
        }, () -> "a client that came later is placed in order: " + tab.tableAddresses());
    }

    @Test
    void aSendToOneSelectedClientReachesOnlyItAndASendToAllReachesEveryClient(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress server = tab.listenOnLoopback(0);
        List<TcpProbe> probes = List.of(javaClient(server), javaClient(server), javaClient(server));
        tab.awaitTableRows(3);
        TcpProbe chosen = probes.get(1);
        String chosenAddress = Addresses.format(chosen.localAddress());

        tab.clickRow(chosenAddress, false);
        tab.recipients(Recipients.SELECTED);
        tab.send("only you");
        assertEquals("only you", chosen.readUtf8("only you", TIMEOUT));

        tab.recipients(Recipients.ALL);
        tab.send("everyone");
        for (TcpProbe probe : probes) {
            // TCP keeps order: a client that had got "only you" would read it before this.
            assertEquals("everyone", probe.readUtf8("everyone", TIMEOUT), probe.toString());
        }

        tab.awaitLog(e -> e.kind() == LogEntry.Kind.TX && chosenAddress.equals(e.peer()) && "only you".equals(e.text()),
                "the targeted send names its client");
        tab.awaitLog(e -> e.kind() == LogEntry.Kind.TX && "3 clients".equals(e.peer()) && "everyone".equals(e.text()),
                "the broadcast is one entry naming how many clients");
        long expected = "only you".length() + 3L * "everyone".length();
        awaitFx(() -> tab.viewModel().traffic().counters().txBytesProperty().get() == expected, "exact TX counter");
        assertEquals(Long.toString(expected), tab.label("#serverTxBytes"));
        String chosenBytes = Integer.toString("only you".length() + "everyone".length());
        Await.until(() -> tab.shownRow(chosenAddress).size() == 4 && chosenBytes.equals(tab.shownRow(chosenAddress).get(3)),
                TIMEOUT, () -> "the chosen client's row counts both sends: " + tab.shownRow(chosenAddress));
    }

    @Test
    void disconnectFromTheUiClosesThatClientsSocket(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress server = tab.listenOnLoopback(0);
        TcpProbe kicked = javaClient(server);
        TcpProbe stays = javaClient(server);
        tab.awaitTableRows(2);
        String kickedAddress = Addresses.format(kicked.localAddress());

        tab.clickRow(kickedAddress, false);
        click(robot, "#serverDisconnect");

        assertTrue(kicked.awaitClosedByPeer(TIMEOUT), "the client's socket was closed by the server");
        assertFalse(kicked.wasResetByPeer(), "closed cleanly");
        tab.awaitTableRows(1);
        assertEquals(List.of(Addresses.format(stays.localAddress())), tab.tableAddresses());
        tab.awaitLog(e -> e.kind() == LogEntry.Kind.INFO && kickedAddress.equals(e.peer())
                && ("Disconnected " + kickedAddress).equals(e.message()), "kick event");
        stays.send("still here");
        tab.awaitLog(e -> e.kind() == LogEntry.Kind.RX && "still here".equals(e.text()), "the other client still talks");
    }

    @Test
    void aClientThatFinishedSendingSaysSoInItsRowAndStays(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress server = tab.listenOnLoopback(0);
        TcpProbe asking = javaClient(server);
        TcpProbe other = javaClient(server);
        tab.awaitTableRows(2);
        String address = Addresses.format(asking.localAddress());
        asking.send("GET /status");
        asking.shutdownOutput(); // its FIN: it waits for the answer
        Await.until(() -> tab.shownRow(address).size() == 4
                        && (address + " \u00b7 finished sending").equals(tab.shownRow(address).get(0)),
                TIMEOUT, () -> "the row says so: " + tab.shownRow(address));
        String otherAddress = Addresses.format(other.localAddress());
        assertEquals(otherAddress, tab.shownRow(otherAddress).get(0), "the other client is just its address");
        tab.awaitTableRows(2);
    }

    @Test
    void multiSelectTargetsEverySelectedClient(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress server = tab.listenOnLoopback(0);
        List<TcpProbe> probes = List.of(javaClient(server), javaClient(server), javaClient(server));
        tab.awaitTableRows(3);

        tab.clickRow(Addresses.format(probes.get(0).localAddress()), false);
        tab.clickRow(Addresses.format(probes.get(2).localAddress()), true);
        assertEquals("3 connected  \u00b7  2 selected", tab.label("#serverClientCount"));
        tab.recipients(Recipients.SELECTED);
        tab.send("pair");
        tab.recipients(Recipients.ALL);
        tab.send("all");

        assertEquals("pairall", probes.get(0).readUtf8("pairall", TIMEOUT));
        assertEquals("all", probes.get(1).readUtf8("all", TIMEOUT), "the unselected client got only the broadcast");
        assertEquals("pairall", probes.get(2).readUtf8("pairall", TIMEOUT));
        tab.awaitLog(e -> e.kind() == LogEntry.Kind.TX && "2 clients".equals(e.peer()), "one entry for the two");
    }

    @Test
    void stopClosesEveryClientAndListeningAgainOnTheSamePortSucceedsAtOnce(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress first = tab.listenOnLoopback(0);
        List<TcpProbe> probes = List.of(javaClient(first), javaClient(first));
        tab.awaitTableRows(2);

        tab.stop();

        for (TcpProbe probe : probes) {
            assertTrue(probe.awaitClosedByPeer(TIMEOUT), "Stop closes every client");
            String address = Addresses.format(probe.localAddress());
            tab.awaitLog(e -> (address + " disconnected: server stopped").equals(e.message()), "stop event of " + address);
        }
        tab.awaitTableRows(0);
        assertEquals("Not listening", tab.label("#serverStatus"));

        InetSocketAddress again = tab.listenOnLoopback(first.getPort());
        assertEquals(first.getPort(), again.getPort(), "the same port, at once");
        assertEquals("", tab.label("#serverPortError"));
        TcpProbe back = javaClient(again);
        tab.awaitTableRows(1);
        back.send("back");
        tab.awaitLog(e -> e.kind() == LogEntry.Kind.RX && "back".equals(e.text()), "a client of the new listener");
        Await.until(() -> onFx(() -> FxTesting.lookup(robot, "#serverStatus").queryAs(Label.class).getText())
                .equals("Listening on 127.0.0.1:" + first.getPort() + "  \u00b7  1 client"), TIMEOUT, "status names port and count");
    }

    @Test
    void stoppingWithoutClientsIsLoggedAndSendMessagesGoWithTheirCause(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        tab.send("hello");
        assertEquals("Not listening: start the server first.", tab.label("#serverSendError"));
        InetSocketAddress address = tab.listenOnLoopback(0);
        assertEquals("", tab.label("#serverSendError"), "listening: the message no longer holds");
        tab.recipients(Recipients.SELECTED);
        tab.send("hello");
        assertEquals("No client selected: select clients in the table, or send to all clients.",
                tab.label("#serverSendError"));

        tab.stop();

        assertEquals("", tab.label("#serverSendError"), "stopped: no selection is not the reason any more");
        tab.awaitLog(e -> ("Stopped listening on " + Addresses.format(address)).equals(e.message()),
                "a row says the server stopped, though no client was there to be disconnected");
    }

    @Test
    void aClientThatFinishesStaysUntilDisconnectedAndAResetLeavesAtOnce(FxRobot robot) throws Exception {
        ServerTabDriver tab = new ServerTabDriver(robot, window.tab(TcpServerViewModel.class));
        InetSocketAddress server = tab.listenOnLoopback(0);
        TcpProbe closing = javaClient(server);
        TcpProbe resetting = javaClient(server);
        tab.awaitTableRows(2);
        String closingAddress = Addresses.format(closing.localAddress());
        String resettingAddress = Addresses.format(resetting.localAddress());

        closing.close();
        resetting.close(true);

        // A FIN only says the client finished sending: it stays listed, we may still answer it.
        tab.awaitLog(e -> e.kind() == LogEntry.Kind.INFO && e.message().startsWith(closingAddress
                + " finished sending (end of stream)"), "peer finished event");
        tab.awaitLog(e -> e.kind() == LogEntry.Kind.ERROR && ("Connection reset by " + resettingAddress).equals(e.message()),
                "reset event");
        tab.awaitTableRows(1);
        assertEquals(List.of(closingAddress), tab.tableAddresses());
        tab.clickRow(closingAddress, false);
        click(robot, "#serverDisconnect");
        tab.awaitLog(e -> e.kind() == LogEntry.Kind.INFO && ("Disconnected " + closingAddress).equals(e.message()),
                "we close it");
        tab.awaitTableRows(0);
        Set<String> named = onFx(() -> tab.log().getItems().stream().map(LogEntry::peer).collect(Collectors.toSet()));
        assertTrue(named.containsAll(Set.of(closingAddress, resettingAddress)), "entries name their client: " + named);
    }
}
