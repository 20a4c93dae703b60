package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.ViewMode;
import io.socketdeck.core.send.Checksum;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.send.SendHistory;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.core.settings.SettingsStore;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import io.socketdeck.ui.udp.UdpViewModel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** What a user set up comes back after a restart; a broken file gives defaults and says so. */
@ExtendWith(ApplicationExtension.class)
class SettingsPersistenceTest {

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
    void tabsQuickCommandsAndLogSizeSurviveARestart(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        runFx(() -> {
            MainWindow before = windows.add(new MainWindow(locale -> { }));
            var client = before.tab(TcpClientViewModel.class);
            client.hostProperty().set("device.local");
            client.portProperty().set("5020");
            client.traffic().log().charsetProperty().set(Charset.forName("GBK"));
            client.traffic().log().viewModeProperty().set(ViewMode.DUMP);
            client.traffic().sendBox().checksumProperty().set(Checksum.CRC16_MODBUS);
            client.traffic().sendBox().history().add(SendHistory.Entry.text("读取温度"));
            client.traffic().sendBox().history().add(new SendHistory.Entry("01 03", true, false));
            before.tab(UdpViewModel.class).remote().portProperty().set("9000");
            before.quickCommands().add(QuickCommand.hex("read", "01 03 00 00 00 02"));
            Settings settings = new Settings();
            before.saveTo(settings);
            windows.shutdown(before);
            try {
                store.save(settings);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Settings loaded = new SettingsStore(dir.resolve("settings.json")).load();
        MainWindow after = onFx(() -> windows.add(new MainWindow(locale -> { }, loaded)));
        var client = after.tab(TcpClientViewModel.class);
        assertEquals("device.local", onFx(() -> client.hostProperty().get()));
        assertEquals("5020", onFx(() -> client.portProperty().get()));
        assertEquals(Charset.forName("GBK"), onFx(() -> client.traffic().log().charsetProperty().get()));
        assertEquals(ViewMode.DUMP, onFx(() -> client.traffic().log().viewModeProperty().get()));
        assertEquals(Checksum.CRC16_MODBUS, onFx(() -> client.traffic().sendBox().checksumProperty().get()));
        assertEquals(List.of(SendHistory.Entry.text("读取温度"), new SendHistory.Entry("01 03", true, false)),
                onFx(() -> client.traffic().sendBox().history().entries()), "entries come back in their modes");
        assertEquals(List.of("读取温度", "01 03"), loaded.getStringList("tcpClient.send.history"),
                "the texts stay a list of strings, as an older version reads them");
        assertEquals("9000", onFx(() -> after.tab(UdpViewModel.class).remote().portProperty().get()));
        assertEquals(List.of(QuickCommand.hex("read", "01 03 00 00 00 02")), onFx(() -> List.copyOf(after.quickCommands().items())));
        runFx(() -> windows.shutdown(after));
    }

    @Test
    void aHistoryWrittenBeforeModesWereKeptComesBackAsText() {
        Settings older = new Settings().put("tcpClient.send.history", List.of("PING", "48 65"));
        MainWindow window = onFx(() -> windows.add(new MainWindow(locale -> { }, older)));
        assertEquals(List.of(SendHistory.Entry.text("PING"), SendHistory.Entry.text("48 65")),
                onFx(() -> window.tab(TcpClientViewModel.class).traffic().sendBox().history().entries()));
        runFx(() -> windows.shutdown(window));
    }

    @Test
    void aCorruptFileGivesDefaultsAndAVisibleWarning(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"tcpClient\": {\"host\": \"x\"");
        SettingsStore store = new SettingsStore(file);
        Settings loaded = store.load();
        assertTrue(store.warning().isPresent());
        MainWindow window = onFx(() -> {
            MainWindow built = windows.add(new MainWindow(locale -> { }, loaded));
            built.note(SettingsMessages.describe(store.warning().orElseThrow()));
            return built;
        });
        assertEquals("127.0.0.1", onFx(() -> window.tab(TcpClientViewModel.class).hostProperty().get()), "defaults");
        String note = onFx(() -> window.tab(TcpClientViewModel.class).traffic().log().entries().stream().filter(e -> e.kind() == LogEntry.Kind.ERROR)
                .map(LogEntry::message).findFirst().orElse(""));
        assertTrue(note.startsWith("The settings file " + file + " was damaged"), note);
        assertTrue(note.contains(".corrupt"), "says where the old file was kept: " + note);
        runFx(() -> windows.shutdown(window));
    }

    @Test
    void anUnreadableFileSaysWhereItWasKept(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectory(dir.resolve("settings.json")); // unreadable as a file, even for root
        SettingsStore store = new SettingsStore(file);
        store.load();
        String note = SettingsMessages.describe(store.warning().orElseThrow());
        assertTrue(note.startsWith("The settings file " + file + " could not be read ("), note);
        assertTrue(note.endsWith("the file was kept as " + store.warning().orElseThrow().keptAs() + "."), note);
    }

    /**
     * Issue 52, through the window's models: two instances on one file, quick commands added in
     * one, the other closed later; the commands are still there at the next start.
     */
    @Test
    void aSecondInstanceClosedLaterKeepsTheCommandsAddedInTheFirst(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsStore first = new SettingsStore(file);
        runFx(() -> {
            MainWindow firstStart = windows.add(new MainWindow(locale -> { }));
            saveWith(first, new Settings(), firstStart);
            windows.shutdown(firstStart);
        });
        SettingsStore storeA = new SettingsStore(file);
        SettingsStore storeB = new SettingsStore(file);
        Settings settingsA = storeA.load();
        Settings settingsB = storeB.load();
        MainWindow windowA = onFx(() -> windows.add(new MainWindow(locale -> { }, settingsA)));
        MainWindow windowB = onFx(() -> windows.add(new MainWindow(locale -> { }, settingsB)));

        runFx(() -> {
            windowA.quickCommands().add(QuickCommand.hex("read", "01 03 00 00 00 02"));
            saveWith(storeA, settingsA, windowA); // A's autosave
            windowB.tab(TcpClientViewModel.class).hostProperty().set("device.local");
            saveWith(storeB, settingsB, windowB); // B's exit
        });

        Settings loaded = new SettingsStore(file).load();
        MainWindow after = onFx(() -> windows.add(new MainWindow(locale -> { }, loaded)));
        assertEquals(List.of(QuickCommand.hex("read", "01 03 00 00 00 02")),
                onFx(() -> List.copyOf(after.quickCommands().items())), "A's command survives B's exit");
        assertEquals("device.local", onFx(() -> after.tab(TcpClientViewModel.class).hostProperty().get()), "B's field too");
        runFx(() -> windows.shutdown(windowA));
        runFx(() -> windows.shutdown(windowB));
        runFx(() -> windows.shutdown(after));
    }

    /** As the app saves: the window into its settings, then a copy to the store. */
    private static void saveWith(SettingsStore store, Settings settings, MainWindow window) {
        window.saveTo(settings);
        try {
            store.save(settings.copy());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
