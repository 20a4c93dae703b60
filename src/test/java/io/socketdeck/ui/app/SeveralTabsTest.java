package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.doubleClick;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.pointOf;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.testsupport.TcpProbe;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.fx.ViewIds;
import io.socketdeck.ui.relay.RelayViewModel;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.TabKind;
import io.socketdeck.ui.tab.TabModel;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Several tabs of one kind in the window, driven as a user and a script would, against real peers. */
@ExtendWith(ApplicationExtension.class)
class SeveralTabsTest {

    /** Ids JavaFX's skins give their inner parts. */
    private static final List<String> SKIN_IDS = List.of("arrow", "arrow-button", "virtual-flow", "list-view");

    private MainWindow window;
    private Stage stage;
    private final List<AutoCloseable> peers = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() throws Exception {
        runFx(() -> {
            DialogDriver.closeAllBut(stage);
            window.shutdown();
            I18n.use(Locale.ENGLISH);
        });
        for (AutoCloseable peer : peers) {
            peer.close();
        }
    }

    @Test
    void theFileMenuAndCtrlTOpenNewTabsOfEachKind(FxRobot robot) {
        List<TabKind<?>> kinds = MainWindow.kinds();
        List<String> expected = new ArrayList<>(defaultIds());
        for (TabKind<?> kind : kinds) {
            fire(robot, kind.newTabId());
            expected.add(ViewIds.numbered(kind.id(), 2));
        }
        assertEquals(expected, onFx(window::tabIds));
        TabKind<?> last = kinds.get(kinds.size() - 1);
        String lastId = ViewIds.numbered(last.id(), 2);
        assertEquals(lastId, selectedId(robot), "a new tab comes to the front");
        assertEquals(I18n.text(last.titleKey()) + " 2", onFx(() -> tab(robot, lastId).getText()));
        assertEquals(List.of(), numberingProblems(robot, kinds), "each new tab's view is built and numbered");

        click(robot, "#tabTcpServer");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        awaitFx(() -> window.tabIds().contains("tabTcpServer3"), () -> "Ctrl+T: " + onFx(window::tabIds));
        assertEquals("tabTcpServer3", selectedId(robot), "of the kind in front");

        // Every tab has its own status pill; the one in front shows.
        List<String> statuses = new ArrayList<>();
        kinds.forEach(kind -> statuses.add(kind.statusId()));
        kinds.forEach(kind -> statuses.add(ViewIds.numbered(kind.statusId(), 2)));
        statuses.add("serverStatus3");
        for (String status : statuses) {
            assertEquals(1, onFx(() -> FxTesting.lookup(robot, ".status-bar").query().lookupAll("#" + status).size()),
                    status);
        }
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#serverStatus3").query().isVisible()));
        assertFalse(onFx(() -> FxTesting.lookup(robot, "#serverStatus").query().isVisible()));
        // Models are independent: a model for each tab, none shared.
        assertEquals(2L * kinds.size() + 1, onFx(() -> window.models().stream().distinct().count()));
    }

    @Test
    void aSecondClientTabConnectsWhileTheFirstStaysIdle(FxRobot robot) throws Exception {
        EchoPeer peer = EchoPeers.tcp();
        peers.add(peer);
        runFx(() -> window.quickCommands().add(QuickCommand.text("ping", "PING")));
        fire(robot, "newTcpClientTab");
        TcpClientViewModel first = window.tab(TcpClientViewModel.class);
        TcpClientViewModel second = (TcpClientViewModel) onFx(() -> window.tab("tabTcpClient2").orElseThrow());

        click(robot, "#clientPort2").write(Integer.toString(peer.address().getPort()));
        click(robot, "#clientConnect2");
        awaitFx(() -> second.stateProperty().get() == ConnectionState.OPEN, "tab 2 connected to " + peer.description());
        TextArea input = FxTesting.lookup(robot, "#clientInput2").queryAs(TextArea.class);
        runFx(() -> input.setText("hello"));
        click(robot, "#clientSend2");
        awaitFx(() -> second.traffic().counters().rxBytesProperty().get() == 5, "the echo in tab 2");
        awaitFx(() -> "5".equals(FxTesting.lookup(robot, "#clientRxBytes2").queryAs(Label.class).getText()),
                "tab 2's counter");

        assertEquals(ConnectionState.IDLE, onFx(() -> first.stateProperty().get()), "tab 1 stays idle");
        assertEquals(0, onFx(() -> first.traffic().counters().rxBytesProperty().get()));
        assertEquals(0, onFx(() -> first.traffic().log().entries().stream().filter(e -> e.isData()).count()),
                "tab 1's log has none of tab 2's traffic");
        assertTrue(onFx(() -> second.traffic().log().entries().stream().anyMatch(e -> "hello".equals(e.text()))));
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#clientStatus2").queryAs(Label.class).getText())
                .startsWith("Connected"));

        // Both views built: each of tab 1's ids once, and its numbered twin once.
        click(robot, "#tabTcpClient");
        Map<String, Integer> ids = onFx(() -> idsIn(stage.getScene().getRoot()));
        Node firstView = onFx(() -> tab(robot, "tabTcpClient").getContent());
        List<String> problems = new ArrayList<>();
        for (String id : onFx(() -> idsIn((Parent) firstView)).keySet()) {
            if (SKIN_IDS.contains(id)) {
                continue; // JavaFX's own, inside skins: not ours to number
            }
            String twin = Character.isDigit(id.charAt(id.length() - 1)) ? id + "_2" : id + "2";
            if (ids.getOrDefault(id, 0) != 1 || ids.getOrDefault(twin, 0) != 1) {
                problems.add(id + " x" + ids.getOrDefault(id, 0) + ", " + twin + " x" + ids.getOrDefault(twin, 0));
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(ids.containsKey("clientQuickSend1_2"), "a quick command's button, given its id later: " + ids.keySet());
        assertTrue(ids.keySet().containsAll(List.of("clientHost2", "clientPort2", "clientConnect2", "clientLog2")));
    }

    @Test
    void aSecondTabsTlsPopupHasItsNumberedIds(FxRobot robot) {
        fire(robot, "newTcpClientTab");
        click(robot, "#clientTls2"); // TLS on opens the section
        Scene popup = DialogDriver.awaitShowing("clientTlsSni2");
        assertEquals(1, onFx(() -> popup.getRoot().lookupAll("#clientTlsSni2").size()));
        assertEquals(0, onFx(() -> popup.getRoot().lookupAll("#clientTlsSni").size()), "not tab 1's id");
        assertEquals(0, onFx(() -> FxTesting.lookup(robot, "#clientTlsSni").queryAll().size()),
                "tab 1's section is not shown");
    }

    @Test
    void aSecondTabsSocketOptionsMadeWhenFirstOpenedHaveTheirNumberedIds(FxRobot robot) {
        fire(robot, "newTcpClientTab");
        click(robot, "#clientOptionsButton2");
        Scene popup = DialogDriver.awaitShowing("clientNoDelay2");
        assertEquals(List.of(1, 1, 0), onFx(() -> List.of(popup.getRoot().lookupAll("#clientOptions2").size(),
                popup.getRoot().lookupAll("#clientLocalPort2").size(),
                popup.getRoot().lookupAll("#clientNoDelay").size())), "its panel and fields, none with tab 1's id");
    }

    @Test
    void aSecondRelayTabHasNumberedIdsAlsoInItsFaultPanelAndRelaysOnItsOwn(FxRobot robot) throws Exception {
        TabKind<?> relayKind = MainWindow.kinds().stream().filter(kind -> "tabRelay".equals(kind.id())).findFirst()
                .orElseThrow();
        assertEquals("newRelayTab", relayKind.newTabId());
        fire(robot, "newRelayTab");
        assertEquals("tabRelay2", selectedId(robot), "File → New Relay tab");
        assertEquals("Relay 2", onFx(() -> tab(robot, "tabRelay2").getText()));
        assertEquals(List.of(), numberingProblems(robot, List.of(relayKind)));
        assertTrue(onFx(() -> idsIn(stage.getScene().getRoot())).keySet()
                .containsAll(List.of("relayStart2", "relayListenPort2", "relayTargetPort2", "relayFaults2", "relayLog2")));

        // The fault panel is a popup, outside the scene: tab 2's has tab 1's ids, numbered.
        click(robot, "#tabRelay");
        click(robot, "#relayFaults");
        Scene firstPanel = DialogDriver.awaitShowing("relayUpLatency");
        Map<String, Integer> firstIds = onFx(() -> idsIn(firstPanel.getRoot()));
        click(robot, "#tabRelay2"); // a click elsewhere closes the panel
        awaitFx(() -> firstPanel.getWindow() == null || !firstPanel.getWindow().isShowing(), "tab 1's panel closed");
        click(robot, "#relayFaults2");
        Scene secondPanel = DialogDriver.awaitShowing("relayUpLatency2");
        Map<String, Integer> secondIds = onFx(() -> idsIn(secondPanel.getRoot()));
        Map<String, Integer> expected = new HashMap<>();
        firstIds.forEach((id, count) -> expected.put(ViewIds.numbered(id, 2), count));
        assertTrue(firstIds.keySet().containsAll(List.of("relayUpLatency", "relayDownDrop", "relayFaultsClear",
                "relayResetOnTargetFailure")), firstIds::toString);
        assertEquals(expected, secondIds);
        runFx(() -> ((TextField) secondPanel.lookup("#relayUpLatency2")).setText("50"));
        awaitFx(() -> FxTesting.lookup(robot, "#relayBadges2").queryAs(HBox.class).getChildren().size() == 1,
                "tab 2's latency badge");
        assertEquals(0, onFx(() -> FxTesting.lookup(robot, "#relayBadges").queryAs(HBox.class).getChildren().size()),
                "tab 1 has no fault");

        // Each tab runs its own relay: stopping tab 2's leaves tab 1's relaying.
        EchoPeer target = EchoPeers.tcp();
        peers.add(target);
        RelayViewModel first = (RelayViewModel) onFx(() -> window.tab("tabRelay").orElseThrow());
        RelayViewModel second = (RelayViewModel) onFx(() -> window.tab("tabRelay2").orElseThrow());
        InetSocketAddress secondRelay = startRelay(robot, "2", second, target.port());
        click(robot, "#tabRelay");
        InetSocketAddress firstRelay = startRelay(robot, "", first, target.port());
        assertFalse(firstRelay.equals(secondRelay), "two listening ports");
        TcpProbe viaSecond = TcpProbe.connect(secondRelay);
        peers.add(viaSecond);
        viaSecond.send("two");
        assertEquals("two", viaSecond.readUtf8("two", FxTesting.TIMEOUT));
        awaitFx(() -> second.traffic().log().entries().stream().anyMatch(e -> e.isData() && "two".equals(e.text())),
                "tab 2's log");

        click(robot, "#tabRelay2");
        click(robot, "#relayStart2"); // Stop
        awaitFx(() -> second.stateProperty().get() == ConnectionState.IDLE, "tab 2's relay stopped");
        assertEquals(ConnectionState.OPEN, onFx(() -> first.stateProperty().get()), "tab 1's still runs");
        TcpProbe viaFirst = TcpProbe.connect(firstRelay);
        peers.add(viaFirst);
        viaFirst.send("one");
        assertEquals("one", viaFirst.readUtf8("one", FxTesting.TIMEOUT));
        awaitFx(() -> first.traffic().log().entries().stream().anyMatch(e -> e.isData() && "one".equals(e.text())),
                "tab 1's log");
        // Tab 1's own traffic came after tab 2's and is in its log: tab 2's, had it gone there too,
        // would be there before it, whenever the window showed it.
        assertEquals(List.of(), onFx(() -> first.traffic().log().entries().stream()
                .filter(e -> e.isData() && !"one".equals(e.text())).map(e -> e.text()).toList()),
                "tab 1's log has its own traffic only, none of tab 2's");
    }

    @Test
    void aTabIsRenamedAndAnEmptyNameGivesTheDefaultTitleBack(FxRobot robot) {
        fire(robot, "newTcpServerTab");
        Scene dialog = openDialog(robot, "renameTab", "tabName");
        runFx(() -> ((TextField) dialog.lookup("#tabName")).setText("  Gateway "));
        DialogDriver.press(dialog, ButtonType.OK);
        awaitFx(() -> "Gateway".equals(tab(robot, "tabTcpServer2").getText()), "renamed");

        // The tab's own context menu does the same.
        MenuItem rename = onFx(() -> tab(robot, "tabTcpServer2").getContextMenu().getItems().stream()
                .filter(item -> "tabRename".equals(item.getId())).findFirst().orElseThrow());
        Platform.runLater(rename::fire);
        Scene again = DialogDriver.awaitShowing("tabName");
        assertEquals("Gateway", onFx(() -> ((TextField) again.lookup("#tabName")).getText()));
        runFx(() -> ((TextField) again.lookup("#tabName")).setText(""));
        DialogDriver.press(again, ButtonType.OK);
        awaitFx(() -> "TCP Server 2".equals(tab(robot, "tabTcpServer2").getText()), "the default title again");

        // And a double-click on the title; Cancel keeps the name.
        doubleClick(robot, "#tabTcpServer2");
        Scene third = DialogDriver.awaitShowing("tabName");
        runFx(() -> ((TextField) third.lookup("#tabName")).setText("not taken"));
        DialogDriver.press(third, ButtonType.CANCEL);
        awaitFx(() -> Window.getWindows().size() == 1, "the dialog closed");
        assertEquals("TCP Server 2", onFx(() -> tab(robot, "tabTcpServer2").getText()));
    }

    @Test
    void tabsAreReorderedByDragging(FxRobot robot) {
        robot.drag(pointOf(() -> FxTesting.lookup(robot, "#tabUdp").query()))
                .dropTo(pointOf(() -> FxTesting.lookup(robot, "#tabTcpClient").query()));
        awaitFx(() -> window.tabIds().indexOf("tabUdp") < window.tabIds().indexOf("tabTcpServer"),
                () -> "UDP moved left: " + onFx(window::tabIds));
        assertEquals(onFx(window::tabIds), onFx(() -> tabPane(robot).getTabs().stream().map(Tab::getId).toList()),
                "the window's list follows the pane");
    }

    @Test
    void closingAConnectedTabAsksFirstAndEndsItsConnection(FxRobot robot) throws Exception {
        PythonPeer device = PythonPeer.start("tcp_record.py", "127.0.0.1");
        peers.add(device);
        fire(robot, "newTcpClientTab");
        TabModel second = onFx(() -> window.tab("tabTcpClient2").orElseThrow());
        click(robot, "#clientPort2").write(Integer.toString(device.port()));
        click(robot, "#clientConnect2");
        awaitFx(() -> second.stateProperty().get() == ConnectionState.OPEN, "connected");

        Scene ask = openDialog(robot, "closeTab", "closeTabConfirm");
        DialogDriver.press(ask, ButtonType.CANCEL);
        awaitFx(() -> Window.getWindows().size() == 1, "the question closed");
        assertTrue(onFx(window::tabIds).contains("tabTcpClient2"), "cancel keeps the tab");
        assertEquals(ConnectionState.OPEN, onFx(() -> second.stateProperty().get()), "and its connection");

        Scene again = openDialog(robot, "closeTab", "closeTabConfirm");
        DialogDriver.press(again, ButtonType.OK);
        awaitFx(() -> !window.tabIds().contains("tabTcpClient2"), "closed");
        Await.until(() -> device.stdout().contains("EOF"), FxTesting.TIMEOUT, device::stdout);
        assertEquals(0, onFx(() -> FxTesting.lookup(robot, "#clientStatus2").queryAll().size()),
                "its pill went with it");
        assertEquals(0, onFx(() -> FxTesting.lookup(robot, "#clientHost2").queryAll().size()), "and its view");

        // An idle tab closes without a question; a new one takes the lowest free number again.
        fire(robot, "newUdpTab");
        fire(robot, "newUdpTab");
        Node closeButton = onFx(() -> FxTesting.lookup(robot, "#tabUdp2").query().lookup(".tab-close-button"));
        click(robot, closeButton); // its × button
        List<String> left = new ArrayList<>(defaultIds());
        left.add("tabUdp3");
        awaitFx(() -> window.tabIds().equals(left), () -> "idle tab closed at once: " + onFx(window::tabIds));
        fire(robot, "newUdpTab");
        left.add("tabUdp2");
        assertEquals(left, onFx(window::tabIds), "tab 2 again, at the end");
    }

    @Test
    void theLastTabOfTheWindowCannotBeClosed(FxRobot robot) {
        List<String> ids = defaultIds();
        String kept = ids.get(ids.size() - 1);
        for (String id : ids.subList(0, ids.size() - 1)) {
            click(robot, "#" + id);
            fire(robot, "closeTab");
        }
        awaitFx(() -> window.tabIds().equals(List.of(kept)), () -> "one left: " + onFx(window::tabIds));
        fire(robot, "closeTab");
        assertEquals(List.of(kept), onFx(window::tabIds), "Close tab on the last one does nothing");
        assertTrue(onFx(() -> menuItem(robot, "closeTab").isDisable()), "Close tab is off");
        assertFalse(onFx(() -> tab(robot, kept).isClosable()), "no close button");
        fire(robot, "newTcpClientTab");
        assertEquals(List.of(kept, "tabTcpClient"), onFx(window::tabIds), "number 1 is free again");
        assertTrue(onFx(() -> tab(robot, kept).isClosable()));
    }

    @Test
    void switchingTheLanguageKeepsEveryTabItsNameOrderConnectionAndText(FxRobot robot) throws Exception {
        EchoPeer peer = EchoPeers.tcp();
        peers.add(peer);
        fire(robot, "newTcpClientTab");
        TabModel second = onFx(() -> window.tab("tabTcpClient2").orElseThrow());
        click(robot, "#clientPort2").write(Integer.toString(peer.address().getPort()));
        click(robot, "#clientConnect2");
        awaitFx(() -> second.stateProperty().get() == ConnectionState.OPEN, "connected");
        runFx(() -> {
            FxTesting.lookup(robot, "#clientInput2").queryAs(TextArea.class).setText("typed, not sent");
            windowTab("tabTcpClient2").nameProperty().set("PLC");
        });
        runFx(() -> {
            List<WindowTab> swapped = new ArrayList<>(window.tabs());
            swapped.add(0, swapped.remove(1)); // the server tab first
            window.reorder(swapped);
        });
        assertEquals("tabTcpServer", onFx(() -> window.tabIds().get(0)), "moved");
        assertEquals("tabTcpServer", onFx(() -> tabPane(robot).getTabs().get(0).getId()), "the pane follows the window");
        click(robot, "#tabTcpClient2");
        List<String> order = onFx(window::tabIds);

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));

        assertEquals(order, onFx(() -> tabPane(robot).getTabs().stream().map(Tab::getId).toList()));
        assertEquals("tabTcpClient2", selectedId(robot), "the same tab in front");
        assertEquals("PLC", onFx(() -> tab(robot, "tabTcpClient2").getText()));
        assertEquals("TCP 客户端", onFx(() -> tab(robot, "tabTcpClient").getText()));
        assertEquals("typed, not sent", onFx(() -> FxTesting.lookup(robot, "#clientInput2").queryAs(TextArea.class)
                .getText()));
        assertEquals(ConnectionState.OPEN, onFx(() -> second.stateProperty().get()), "still connected");
        assertEquals("新建 TCP 客户端标签页", onFx(() -> menuItem(robot, "newTcpClientTab").getText()));
        assertEquals("关闭标签页", onFx(() -> menuItem(robot, "closeTab").getText()));
    }

    /**
     * Starts the relay of the tab in front whose ids end in {@code number}, from its fields, on a
     * free loopback port towards {@code targetPort}; returns where its clients connect.
     */
    private InetSocketAddress startRelay(FxRobot robot, String number, RelayViewModel model, int targetPort) {
        runFx(() -> {
            FxTesting.lookup(robot, "#relayListenHost" + number).queryAs(TextField.class).setText("127.0.0.1");
            FxTesting.lookup(robot, "#relayListenPort" + number).queryAs(TextField.class).setText("0");
            FxTesting.lookup(robot, "#relayTargetHost" + number).queryAs(TextField.class).setText("127.0.0.1");
            FxTesting.lookup(robot, "#relayTargetPort" + number).queryAs(TextField.class)
                    .setText(Integer.toString(targetPort));
        });
        click(robot, "#relayStart" + number);
        awaitFx(() -> model.stateProperty().get() == ConnectionState.OPEN, () -> "relay" + number + " open: "
                + onFx(() -> model.statusProperty().get()));
        String address = onFx(() -> model.listeningAddressProperty().get());
        return new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
    }

    /** The tabs of a first start: the first of each kind the window offers, in the order of its kinds. */
    private static List<String> defaultIds() {
        return MainWindow.kinds().stream().map(TabKind::id).toList();
    }

    private WindowTab windowTab(String id) {
        return window.tabs().stream().filter(tab -> tab.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Shows tab 1 and tab 2 of each of {@code kinds} (a view is built when first shown) and lists
     * where tab 2's view differs from "tab 1's ids, each numbered, as many times".
     */
    private List<String> numberingProblems(FxRobot robot, List<TabKind<?>> kinds) {
        String front = selectedId(robot);
        List<String> problems = new ArrayList<>();
        for (TabKind<?> kind : kinds) {
            String second = ViewIds.numbered(kind.id(), 2);
            runFx(() -> {
                MainWindowFixture.showTab(stage.getScene().getRoot(), kind.id());
                MainWindowFixture.showTab(stage.getScene().getRoot(), second);
            });
            Map<String, Integer> expected = new HashMap<>();
            ownIdsIn(onFx(() -> tab(robot, kind.id()).getContent()))
                    .forEach((id, count) -> expected.put(ViewIds.numbered(id, 2), count));
            Map<String, Integer> actual = ownIdsIn(onFx(() -> tab(robot, second).getContent()));
            if (expected.size() < 10) {
                problems.add(kind.id() + ": tab 1's view has only " + expected);
            }
            for (String id : union(expected.keySet(), actual.keySet())) {
                if (!Objects.equals(expected.get(id), actual.get(id))) {
                    problems.add(second + ": " + id + " x" + actual.getOrDefault(id, 0) + ", expected x"
                            + expected.getOrDefault(id, 0));
                }
            }
        }
        runFx(() -> MainWindowFixture.showTab(stage.getScene().getRoot(), front));
        return problems;
    }

    /** The ids in {@code view} with how often each occurs, without those JavaFX's skins give. */
    private static Map<String, Integer> ownIdsIn(Node view) {
        Map<String, Integer> ids = onFx(() -> idsIn((Parent) view));
        ids.keySet().removeAll(SKIN_IDS);
        return ids;
    }

    private static List<String> union(Set<String> one, Set<String> other) {
        Set<String> all = new TreeSet<>(one);
        all.addAll(other);
        return List.copyOf(all);
    }

    private static Map<String, Integer> idsIn(Parent root) {
        Map<String, Integer> ids = new HashMap<>();
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node node = todo.remove(todo.size() - 1);
            // JavaFX gives each table cell its column's id: as many as the table has cells made,
            // which the table makes before its first row (CellPrimer), not a numbering of ours.
            if (node.getId() != null && !(node instanceof javafx.scene.control.TableCell<?, ?>)) {
                ids.merge(node.getId(), 1, Integer::sum);
            }
            if (node instanceof Parent parent) {
                todo.addAll(parent.getChildrenUnmodifiable());
            }
        }
        return ids;
    }

    private static TabPane tabPane(FxRobot robot) {
        return FxTesting.lookup(robot, ".session-tabs").queryAs(TabPane.class);
    }

    private static Tab tab(FxRobot robot, String id) {
        return tabPane(robot).getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst().orElseThrow();
    }

    private static String selectedId(FxRobot robot) {
        return onFx(() -> tabPane(robot).getSelectionModel().getSelectedItem().getId());
    }

    /** Menu items are not scene nodes: a script finds them through the menu bar. */
    static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = FxTesting.lookup(robot, ".menu-bar").queryAs(MenuBar.class);
        List<MenuItem> all = new ArrayList<>();
        bar.getMenus().forEach(menu -> collect(menu, all));
        return all.stream().filter(item -> id.equals(item.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static void collect(Menu menu, List<MenuItem> into) {
        for (MenuItem item : menu.getItems()) {
            into.add(item);
            if (item instanceof Menu sub) {
                collect(sub, into);
            }
        }
    }

    private static void fire(FxRobot robot, String id) {
        runFx(() -> menuItem(robot, id).fire());
    }

    /** Fires a menu item that opens a dialog (not waited for: the dialog waits) and returns the dialog. */
    private static Scene openDialog(FxRobot robot, String itemId, String nodeId) {
        MenuItem item = onFx(() -> menuItem(robot, itemId));
        Platform.runLater(item::fire);
        return DialogDriver.awaitShowing(nodeId);
    }
}
