package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.awaitFx;
import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tab.TabKind;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.tcpserver.TcpServerViewModel;
import io.socketdeck.ui.udp.UdpViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window's tabs, each with its own settings, survive a restart through the settings file. */
@ExtendWith(ApplicationExtension.class)
class SavedTabsTest {

    private final OpenWindows windows = new OpenWindows();

    @BeforeEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @AfterEach
    void shutDownWindows() {
        runFx(windows::shutdownAll);
    }

    @Test
    void twoClientTabsAndARenamedServerTabSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("settings.json");
        // The second server tab moved to the front, the second client tab in front: the order is not the kinds'.
        List<String> order = new ArrayList<>();
        order.add("tabTcpServer2");
        order.addAll(defaultIds());
        order.add("tabTcpClient2");
        runFx(() -> {
            MainWindow before = windows.add(new MainWindow(locale -> { }));
            TcpClientViewModel first = before.tab(TcpClientViewModel.class);
            first.hostProperty().set("device.local");
            first.portProperty().set("5020");
            WindowTab secondTab = open(before, "tabTcpClient");
            TcpClientViewModel second = (TcpClientViewModel) secondTab.model();
            second.hostProperty().set("10.0.0.2");
            second.portProperty().set("6000");
            WindowTab server = open(before, "tabTcpServer");
            server.nameProperty().set("Gateway");
            ((TcpServerViewModel) server.model()).portProperty().set("7001");
            List<WindowTab> moved = new ArrayList<>(before.tabs());
            moved.remove(server);
            moved.add(0, server);
            before.reorder(moved);
            assertEquals(order, before.tabIds(), "moved before saving");
            before.selectedProperty().set(secondTab);
            save(before, file);
            windows.shutdown(before);
        });

        Settings loaded = new SettingsStore(file).load();
        MainWindow after = onFx(() -> windows.add(new MainWindow(locale -> { }, loaded)));
        assertEquals(order, onFx(after::tabIds));
        assertEquals("tabTcpClient2", onFx(() -> after.selectedProperty().get().id()), "the tab in front");
        TcpClientViewModel first = after.tab(TcpClientViewModel.class);
        TcpClientViewModel second = (TcpClientViewModel) onFx(() -> after.tab("tabTcpClient2").orElseThrow());
        assertEquals("device.local", onFx(() -> first.hostProperty().get()));
        assertEquals("5020", onFx(() -> first.portProperty().get()));
        assertEquals("10.0.0.2", onFx(() -> second.hostProperty().get()));
        assertEquals("6000", onFx(() -> second.portProperty().get()));
        assertEquals("10.0.0.2", loaded.getString("tcpClient.2.host", ""), "tab 2 under tcpClient.2");
        WindowTab server = onFx(() -> after.tabs().get(0));
        assertEquals("Gateway", onFx(() -> server.title()));
        assertEquals("7001", onFx(() -> ((TcpServerViewModel) server.model()).portProperty().get()));
        runFx(() -> windows.shutdown(after));
    }

    @Test
    void aClosedTabLeavesNoSettingsAndItsNumberStartsAfreshNextTime(@TempDir Path dir) {
        Settings settings = new Settings();
        runFx(() -> {
            MainWindow window = windows.add(new MainWindow(locale -> { }));
            WindowTab second = open(window, "tabTcpClient");
            ((TcpClientViewModel) second.model()).hostProperty().set("10.0.0.2");
            window.saveTo(settings);
            assertTrue(settings.get("tcpClient.2").isPresent());
            assertTrue(window.closeTab(second));
            window.saveTo(settings);
            windows.shutdown(window);
        });
        assertFalse(settings.get("tcpClient.2").isPresent(), settings.toString());
        assertEquals(defaultIds(),
                settings.get(SavedTabs.OPEN).map(open -> ((List<?>) open).stream()
                        .map(entry -> ((Map<?, ?>) entry).get("kind")).toList()).orElseThrow());
    }

    @Test
    void aFileWithoutATabListOpensOneTabOfEachKind() {
        Settings older = new Settings().put("tcpClient.host", "plc.local").put("udp.remotePort", "9000");
        MainWindow window = onFx(() -> windows.add(new MainWindow(locale -> { }, older)));
        assertEquals(defaultIds(), onFx(window::tabIds));
        assertEquals("plc.local", onFx(() -> window.tab(TcpClientViewModel.class).hostProperty().get()));
        assertEquals("9000", onFx(() -> window.tab(UdpViewModel.class).remote().portProperty().get()));
        runFx(() -> windows.shutdown(window));
    }

    @Test
    void aKindTheFileDidNotKnowOpensItsFirstTabAndOddEntriesAreSkipped() {
        Settings settings = new Settings()
                .put(SavedTabs.OPEN, List.of(Map.of("kind", "tabTcpServer", "number", 2, "name", "B"),
                        Map.of("kind", "tabRelayOfTheFuture", "number", 1),
                        Map.of("kind", "tabTcpServer", "number", 2, "name", "duplicate"),
                        Map.of("kind", "tabTcpClient", "number", -3),
                        "not a tab"))
                .put(SavedTabs.KINDS, List.of("tabTcpClient", "tabTcpServer"))
                .put(SavedTabs.SELECTED, "tabNowhere");
        MainWindow window = onFx(() -> windows.add(new MainWindow(locale -> { }, settings)));
        List<String> expected = new ArrayList<>(List.of("tabTcpServer2"));
        expected.addAll(defaultIds().stream().filter(id -> !List.of("tabTcpClient", "tabTcpServer").contains(id))
                .toList());
        assertEquals(expected, onFx(window::tabIds), "UDP, Relay... were new to the file: each opens its first tab");
        assertEquals("B", onFx(() -> window.tabs().get(0).title()));
        assertEquals("tabTcpServer2", onFx(() -> window.selectedProperty().get().id()), "the first when unknown");
        runFx(() -> windows.shutdown(window));
    }

    @Test
    void theAutosaveHearsTabsOpenedRenamedClosedAndTheNewTabsFields() {
        AtomicInteger saves = new AtomicInteger();
        MainWindow window = onFx(() -> windows.add(new MainWindow(locale -> { })));
        runFx(() -> new SettingsAutosave(window.tick(), window.remembered(), () -> {
            window.saveTo(new Settings()); // reads every value, as the app's save does
            saves.incrementAndGet();
        }));
        WindowTab udp = onFx(() -> open(window, "tabUdp"));
        awaitFx(() -> saves.get() == 1, () -> "saved after a tab opened: " + saves);
        runFx(() -> udp.nameProperty().set("Sensors"));
        awaitFx(() -> saves.get() == 2, () -> "after a rename: " + saves);
        runFx(() -> ((UdpViewModel) udp.model()).remote().portProperty().set("9001"));
        awaitFx(() -> saves.get() == 3, () -> "after a field of the new tab changed: " + saves);
        runFx(() -> window.closeTab(udp));
        awaitFx(() -> saves.get() == 4, () -> "after it closed: " + saves);
        runFx(() -> ((UdpViewModel) udp.model()).remote().portProperty().set("9002"));
        runFx(() -> window.tick().runAllNow());
        assertEquals(4, saves.get(), "a closed tab's fields are no longer watched");
        runFx(() -> windows.shutdown(window));
    }

    /** The tabs of a first start: the first of each kind the window offers, in the order of its kinds. */
    private static List<String> defaultIds() {
        return MainWindow.kinds().stream().map(TabKind::id).toList();
    }

    private static WindowTab open(MainWindow window, String kindId) {
        return window.openTab(MainWindow.kinds().stream().filter(kind -> kind.id().equals(kindId)).findFirst()
                .orElseThrow());
    }

    private static void save(MainWindow window, Path file) {
        Settings settings = new Settings();
        window.saveTo(settings);
        try {
            new SettingsStore(file).save(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
