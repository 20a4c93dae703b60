package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.click;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.DialogDriver;
import io.socketdeck.ui.fx.FxTesting;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindowFixture.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        onFx(() -> {
            window.shutdown();
            I18n.use(Locale.ENGLISH);
            return null;
        });
    }

    /** The ids the README promises to scripts, read from its table, so the two cannot drift apart. */
    private static Set<String> documentedIds() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Automation ids");
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> ids = new LinkedHashSet<>();
        Pattern quoted = Pattern.compile("`([a-z][A-Za-z0-9]+)`");
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (line.startsWith("|")) { // the table's rows; the prose around it names menu items too
                Matcher id = quoted.matcher(line);
                while (id.find()) {
                    ids.add(id.group(1));
                }
            }
        }
        return ids;
    }

    @Test
    void everyDocumentedAutomationIdExistsOnceInTheWindow(FxRobot robot) throws IOException {
        Set<String> ids = documentedIds();
        assertTrue(ids.size() > 150, "the README table lists the ids: " + ids.size());
        // A tab's view is built when the tab is first shown, as a script would show it to use it.
        click(robot, "#tabTcpServer");
        click(robot, "#tabUdp");
        click(robot, "#tabRelay");
        click(robot, "#tabTcpClient");
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            int found = onFx(() -> FxTesting.lookup(robot, "#" + id).queryAll().size());
            if (found != 1) {
                problems.add(id + " found " + found + " times");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theSelectedTabsStatusShowsOnceInTheStatusBar(FxRobot robot) {
        List<Label> shown = onFx(() -> stage.getScene().getRoot().lookupAll(".label").stream()
                .filter(node -> node instanceof Label label && "Not connected".equals(label.getText()) && label.isVisible()
                        && label.getParent() != null && label.getParent().isVisible())
                .map(Label.class::cast).toList());
        assertEquals(1, shown.size(), "once, not also in the status bar's text: " + shown);
        assertEquals("clientStatus", shown.get(0).getId());
        assertTrue(onFx(() -> FxTesting.lookup(robot, ".status-bar").query().lookup("#clientStatus") != null),
                "in the status bar");
        click(robot, "#tabTcpServer");
        assertTrue(onFx(() -> FxTesting.lookup(robot, "#serverStatus").query().isVisible()), "the server's now");
        assertTrue(onFx(() -> !FxTesting.lookup(robot, "#clientStatus").query().isVisible()), "not the client's");
    }

    @Test
    void aTabsViewIsBuiltWhenTheTabIsFirstShownAndKeptAfter(FxRobot robot) {
        TabPane tabs = FxTesting.lookup(robot, ".session-tabs").queryAs(TabPane.class);
        assertEquals(List.of("tabTcpClient"), onFx(() -> tabs.getTabs().stream()
                .filter(tab -> tab.getContent() != null).map(javafx.scene.control.Tab::getId).toList()),
                "only the shown tab is built at start");
        assertEquals(0, onFx(() -> FxTesting.lookup(robot, "#udpBindPort").queryAll().size()));
        click(robot, "#tabUdp");
        Node udp = onFx(() -> tabs.getSelectionModel().getSelectedItem().getContent());
        assertTrue(udp != null && onFx(() -> FxTesting.lookup(robot, "#udpBindPort").queryAll().size()) == 1,
                "built when shown");
        click(robot, "#tabTcpClient");
        click(robot, "#tabUdp");
        assertTrue(udp == onFx(() -> tabs.getSelectionModel().getSelectedItem().getContent()), "and kept, not built again");
    }

    @Test
    void anOpenedWindowIsIdle(FxRobot robot) {
        // No caret blinks (the tabs have the focus) and no job of the window's tick is due.
        assertTrue(onFx(() -> stage.getScene().getFocusOwner() instanceof TabPane), () -> "focus: " + onFx(() -> stage.getScene().getFocusOwner()));
        FxTesting.awaitFx(() -> !window.tick().isPulsing(), "the tick stops once nothing is due");
    }

    @Test
    void tabsCanBeClickedByTheirIds(FxRobot robot) {
        TabPane tabs = FxTesting.lookup(robot, ".session-tabs").queryAs(TabPane.class);
        click(robot, "#tabTcpServer");
        assertEquals("tabTcpServer", onFx(() -> tabs.getSelectionModel().getSelectedItem().getId()));
        click(robot, "#tabUdp");
        assertEquals("tabUdp", onFx(() -> tabs.getSelectionModel().getSelectedItem().getId()));
        click(robot, "#tabTcpClient");
        assertEquals("tabTcpClient", onFx(() -> tabs.getSelectionModel().getSelectedItem().getId()));
    }

    @Test
    void chineseIsShownWhenChosen(FxRobot robot) {
        MainWindow chinese = onFx(() -> {
            window.shutdown();
            return MainWindowFixture.show(stage, I18n.CHINESE);
        });
        window = chinese;
        assertEquals("连接", onFx(() -> FxTesting.lookup(robot, "#clientConnect").queryAs(Button.class).getText()));
        assertEquals("未连接", onFx(() -> FxTesting.lookup(robot, "#clientStatus").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> texts(stage.getScene().getRoot())).contains("TCP 客户端"));
    }

    @Test
    void theLanguageMenuRebuildsTheWindowInTheOtherLanguage(FxRobot robot) {
        List<Locale> switched = new ArrayList<>();
        MainWindow withMenu = onFx(() -> {
            window.shutdown();
            I18n.use(Locale.ENGLISH);
            MainWindow rebuilt = new MainWindow(switched::add);
            stage.getScene().setRoot(rebuilt.root());
            return rebuilt;
        });
        window = withMenu;
        // Menu items are not scene nodes: find the item by its id and fire it, as a script would.
        MenuBar menuBar = FxTesting.lookup(robot, ".menu-bar").queryAs(MenuBar.class);
        onFx(() -> {
            menuBar.getMenus().stream().flatMap(menu -> flatten(menu).stream())
                    .filter(item -> "languageChinese".equals(item.getId())).findFirst().orElseThrow().fire();
            return null;
        });
        awaitFx(() -> switched.equals(List.of(I18n.CHINESE)), () -> "switch requested: " + switched);
    }

    @Test
    void theLogSizeMenuResizesEveryTabsLog(FxRobot robot) {
        MenuBar menuBar = FxTesting.lookup(robot, ".menu-bar").queryAs(MenuBar.class);
        assertEquals(10_000, onFx(() -> window.tab(TcpClientViewModel.class).traffic().log().maxEntries()));
        onFx(() -> {
            menuBar.getMenus().stream().flatMap(menu -> flatten(menu).stream())
                    .filter(item -> "logLimit1000".equals(item.getId())).findFirst().orElseThrow().fire();
            return null;
        });
        assertEquals(1_000, onFx(() -> window.tab(TcpClientViewModel.class).traffic().log().maxEntries()));
    }

    @Test
    void theAboutBoxShowsTheVersionAndWhereTheLogFileIs(FxRobot robot) {
        MenuBar menuBar = FxTesting.lookup(robot, ".menu-bar").queryAs(MenuBar.class);
        MenuItem about = onFx(() -> menuBar.getMenus().stream().flatMap(menu -> flatten(menu).stream())
                .filter(item -> "menuAbout".equals(item.getId())).findFirst().orElseThrow());
        javafx.application.Platform.runLater(about::fire); // not waited for: the box waits for its OK
        javafx.scene.Scene box = DialogDriver.awaitShowing("aboutVersion");
        assertEquals("Version " + AppInfo.version(), onFx(() -> ((Label) box.lookup("#aboutVersion")).getText()));
        assertTrue(AppInfo.version().matches("\\d+\\.\\d+\\.\\d+.*"), AppInfo.version());
        assertEquals(AppInfo.logFile().toString(),
                onFx(() -> ((javafx.scene.control.TextField) box.lookup("#aboutLogFile")).getText()));
        runFx(() -> ((javafx.stage.Stage) box.getWindow()).close());
    }

    private static List<MenuItem> flatten(Menu menu) {
        List<MenuItem> items = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            items.add(item);
            if (item instanceof Menu sub) {
                items.addAll(flatten(sub));
            }
        }
        return items;
    }

    private static List<String> texts(Parent root) {
        List<String> texts = new ArrayList<>();
        for (Node node : root.lookupAll(".label")) {
            if (node instanceof Label label && label.getText() != null) {
                texts.add(label.getText());
            }
        }
        for (Node node : root.lookupAll(".tab-label")) {
            if (node instanceof Label label) {
                texts.add(label.getText());
            }
        }
        return texts;
    }
}
