package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.testsupport.Await;
import io.socketdeck.testsupport.EchoPeer;
import io.socketdeck.testsupport.EchoPeers;
import io.socketdeck.testsupport.PythonPeer;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tab.ConnectionState;
import io.socketdeck.ui.tab.TabModel;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
        fire(robot, "newTcpClientTab");
        fire(robot, "newTcpServerTab");
        fire(robot, "newUdpTab");
        assertEquals(List.of("tabTcpClient", "tabTcpServer", "tabUdp", "tabTcpClient2", "tabTcpServer2", "tabUdp2"),
                onFx(window::tabIds));
        assertEquals("tabUdp2", selectedId(robot), "a new tab comes to the front");
        assertEquals("UDP 2", onFx(() -> tab(robot, "tabUdp2").getText()));
        assertEquals(1, onFx(() -> robot.lookup("#udpBindPort2").queryAll().size()), "its view is built and numbered");

        robot.clickOn("#tabTcpServer");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        awaitFx(() -> window.tabIds().contains("tabTcpServer3"), () -> "Ctrl+T: " + onFx(window::tabIds));
        assertEquals("tabTcpServer3", selectedId(robot), "of the kind in front");

        // Every tab has its own status pill; the one in front shows.
        for (String status : List.of("clientStatus", "serverStatus", "udpStatus", "clientStatus2", "serverStatus2",
                "udpStatus2", "serverStatus3")) {
            assertEquals(1, onFx(() -> robot.lookup(".status-bar").query().lookupAll("#" + status).size()), status);
        }
        assertTrue(onFx(() -> robot.lookup("#serverStatus3").query().isVisible()));
        assertFalse(onFx(() -> robot.lookup("#serverStatus").query().isVisible()));
        // Models are independent: a model for each tab, none shared.
        assertEquals(7, onFx(() -> window.models().stream().distinct().count()));
    }

    @Test
    void aSecondClientTabConnectsWhileTheFirstStaysIdle(FxRobot robot) throws Exception {
        EchoPeer peer = EchoPeers.tcp();
        peers.add(peer);
        runFx(() -> window.quickCommands().add(QuickCommand.text("ping", "PING")));
        fire(robot, "newTcpClientTab");
        TcpClientViewModel first = window.tab(TcpClientViewModel.class);
        TcpClientViewModel second = (TcpClientViewModel) onFx(() -> window.tab("tabTcpClient2").orElseThrow());

        robot.clickOn("#clientPort2").write(Integer.toString(peer.address().getPort()));
        robot.clickOn("#clientConnect2");
        awaitFx(() -> second.stateProperty().get() == ConnectionState.OPEN, "tab 2 connected to " + peer.description());
        TextArea input = robot.lookup("#clientInput2").queryAs(TextArea.class);
        runFx(() -> input.setText("hello"));
        robot.clickOn("#clientSend2");
        awaitFx(() -> second.traffic().counters().rxBytesProperty().get() == 5, "the echo in tab 2");
        awaitFx(() -> "5".equals(robot.lookup("#clientRxBytes2").queryAs(Label.class).getText()), "tab 2's counter");

        assertEquals(ConnectionState.IDLE, onFx(() -> first.stateProperty().get()), "tab 1 stays idle");
        assertEquals(0, onFx(() -> first.traffic().counters().rxBytesProperty().get()));
        assertEquals(0, onFx(() -> first.traffic().log().entries().stream().filter(e -> e.isData()).count()),
                "tab 1's log has none of tab 2's traffic");
        assertTrue(onFx(() -> second.traffic().log().entries().stream().anyMatch(e -> "hello".equals(e.text()))));
        assertTrue(onFx(() -> robot.lookup("#clientStatus2").queryAs(Label.class).getText()).startsWith("Connected"));

        // Both views built: each of tab 1's ids once, and its numbered twin once.
        robot.clickOn("#tabTcpClient");
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
        robot.clickOn("#clientTls2"); // TLS on opens the section
        Scene popup = awaitDialog("clientTlsSni2");
        assertEquals(1, onFx(() -> popup.getRoot().lookupAll("#clientTlsSni2").size()));
        assertEquals(0, onFx(() -> popup.getRoot().lookupAll("#clientTlsSni").size()), "not tab 1's id");
        assertEquals(0, onFx(() -> robot.lookup("#clientTlsSni").queryAll().size()), "tab 1's section is not shown");
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
        Scene again = awaitDialog("tabName");
        assertEquals("Gateway", onFx(() -> ((TextField) again.lookup("#tabName")).getText()));
        runFx(() -> ((TextField) again.lookup("#tabName")).setText(""));
        DialogDriver.press(again, ButtonType.OK);
        awaitFx(() -> "TCP Server 2".equals(tab(robot, "tabTcpServer2").getText()), "the default title again");

        // And a double-click on the title; Cancel keeps the name.
        robot.doubleClickOn("#tabTcpServer2");
        Scene third = awaitDialog("tabName");
        runFx(() -> ((TextField) third.lookup("#tabName")).setText("not taken"));
        DialogDriver.press(third, ButtonType.CANCEL);
        awaitFx(() -> Window.getWindows().size() == 1, "the dialog closed");
        assertEquals("TCP Server 2", onFx(() -> tab(robot, "tabTcpServer2").getText()));
    }

    @Test
    void tabsAreReorderedByDragging(FxRobot robot) {
        robot.drag("#tabUdp").dropTo("#tabTcpClient");
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
        robot.clickOn("#clientPort2").write(Integer.toString(device.port()));
        robot.clickOn("#clientConnect2");
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
        assertEquals(0, onFx(() -> robot.lookup("#clientStatus2").queryAll().size()), "its pill went with it");
        assertEquals(0, onFx(() -> robot.lookup("#clientHost2").queryAll().size()), "and its view");

        // An idle tab closes without a question; a new one takes the lowest free number again.
        fire(robot, "newUdpTab");
        fire(robot, "newUdpTab");
        Node closeButton = onFx(() -> robot.lookup("#tabUdp2").query().lookup(".tab-close-button"));
        robot.clickOn(closeButton); // its × button
        awaitFx(() -> window.tabIds().equals(List.of("tabTcpClient", "tabTcpServer", "tabUdp", "tabUdp3")),
                () -> "idle tab closed at once: " + onFx(window::tabIds));
        fire(robot, "newUdpTab");
        assertEquals("tabUdp2", onFx(() -> window.tabIds().get(4)));
    }

    @Test
    void theLastTabOfTheWindowCannotBeClosed(FxRobot robot) {
        for (String id : List.of("tabTcpClient", "tabTcpServer")) {
            robot.clickOn("#" + id);
            fire(robot, "closeTab");
        }
        awaitFx(() -> window.tabIds().equals(List.of("tabUdp")), () -> "one left: " + onFx(window::tabIds));
        assertTrue(onFx(() -> menuItem(robot, "closeTab").isDisable()), "Close tab is off");
        assertFalse(onFx(() -> tab(robot, "tabUdp").isClosable()), "no close button");
        fire(robot, "newTcpClientTab");
        assertEquals(List.of("tabUdp", "tabTcpClient"), onFx(window::tabIds), "number 1 is free again");
        assertTrue(onFx(() -> tab(robot, "tabUdp").isClosable()));
    }

    @Test
    void switchingTheLanguageKeepsEveryTabItsNameOrderConnectionAndText(FxRobot robot) throws Exception {
        EchoPeer peer = EchoPeers.tcp();
        peers.add(peer);
        fire(robot, "newTcpClientTab");
        TabModel second = onFx(() -> window.tab("tabTcpClient2").orElseThrow());
        robot.clickOn("#clientPort2").write(Integer.toString(peer.address().getPort()));
        robot.clickOn("#clientConnect2");
        awaitFx(() -> second.stateProperty().get() == ConnectionState.OPEN, "connected");
        runFx(() -> {
            robot.lookup("#clientInput2").queryAs(TextArea.class).setText("typed, not sent");
            window.tabs().get(3).nameProperty().set("PLC");
        });
        runFx(() -> window.reorder(List.of(window.tabs().get(1), window.tabs().get(0), window.tabs().get(2),
                window.tabs().get(3))));
        assertEquals("tabTcpServer", onFx(() -> tabPane(robot).getTabs().get(0).getId()), "the pane follows the window");
        robot.clickOn("#tabTcpClient2");
        List<String> order = onFx(window::tabIds);

        runFx(() -> stage.getScene().setRoot(window.useLanguage(I18n.CHINESE)));

        assertEquals(order, onFx(() -> tabPane(robot).getTabs().stream().map(Tab::getId).toList()));
        assertEquals("tabTcpClient2", selectedId(robot), "the same tab in front");
        assertEquals("PLC", onFx(() -> tab(robot, "tabTcpClient2").getText()));
        assertEquals("TCP 客户端", onFx(() -> tab(robot, "tabTcpClient").getText()));
        assertEquals("typed, not sent", onFx(() -> robot.lookup("#clientInput2").queryAs(TextArea.class).getText()));
        assertEquals(ConnectionState.OPEN, onFx(() -> second.stateProperty().get()), "still connected");
        assertEquals("新建 TCP 客户端标签页", onFx(() -> menuItem(robot, "newTcpClientTab").getText()));
        assertEquals("关闭标签页", onFx(() -> menuItem(robot, "closeTab").getText()));
    }

    private static Map<String, Integer> idsIn(Parent root) {
        Map<String, Integer> ids = new HashMap<>();
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node node = todo.remove(todo.size() - 1);
            if (node.getId() != null) {
                ids.merge(node.getId(), 1, Integer::sum);
            }
            if (node instanceof Parent parent) {
                todo.addAll(parent.getChildrenUnmodifiable());
            }
        }
        return ids;
    }

    private static TabPane tabPane(FxRobot robot) {
        return robot.lookup(".session-tabs").queryAs(TabPane.class);
    }

    private static Tab tab(FxRobot robot, String id) {
        return tabPane(robot).getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst().orElseThrow();
    }

    private static String selectedId(FxRobot robot) {
        return onFx(() -> tabPane(robot).getSelectionModel().getSelectedItem().getId());
    }

    /** Menu items are not scene nodes: a script finds them through the menu bar. */
    static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
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
        return awaitDialog(nodeId);
    }

    private static Scene awaitDialog(String nodeId) {
        return Await.value(() -> onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                        .map(Window::getScene).filter(scene -> scene.lookup("#" + nodeId) != null).findFirst()
                        .orElse(null)), Objects::nonNull, FxTesting.TIMEOUT, "the dialog with #" + nodeId);
    }
}
