package io.socketdeck.ui.app;

import static io.socketdeck.ui.fx.FxTesting.onFx;
import static io.socketdeck.ui.fx.FxTesting.runFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.respond.Rule;
import io.socketdeck.core.send.QuickCommand;
import io.socketdeck.core.settings.Settings;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.log.TrafficLog;
import io.socketdeck.ui.tcpclient.TcpClientViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Issue 52: one stored quick command or auto-reply rule this version could not read (a checksum
 * or a kind of match of a newer version, a typo of a hand edit) emptied the whole list, and the
 * next save wrote it empty; tabs of a kind it did not have were dropped from the tab list. Now the
 * others are read, and what cannot be is kept, saved back as it was in its place, and told once.
 */
@ExtendWith(ApplicationExtension.class)
class UnreadSettingsKeptTest {

    private static final String RULES = "tcpClient.respond.rules";

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
    void aQuickCommandThisVersionCannotReadIsKeptInItsPlaceAndTold() {
        Map<String, Object> newerChecksum = command("xmodem", "01 02", "CRC16_XMODEM");
        Map<String, Object> typo = new LinkedHashMap<>(command("typo", "AT", "NONE"));
        typo.put("hex", "yes");
        List<Object> stored = List.of(command("read", "01 03", "CRC16_MODBUS"), newerChecksum, typo,
                command("ping", "50 49", "NONE"));
        Settings settings = new Settings().put("quickCommands", stored);

        MainWindow window = onFx(() -> windows.add(new MainWindow(locale -> { }, settings)));

        assertEquals(List.of("read", "ping"), onFx(() -> window.quickCommands().items().stream()
                .map(QuickCommand::name).toList()), "the commands that can be read");
        assertEquals(List.of("2 saved quick commands could not be read (written by a newer version, or edited by"
                        + " hand) and are not in the list; they stay in the settings file as they are."),
                errors(onFx(() -> window.tab(TcpClientViewModel.class).traffic().log())));
        runFx(() -> {
            window.quickCommands().add(QuickCommand.text("added", "AT+GMR"));
            window.saveTo(settings);
        });
        List<?> saved = (List<?>) settings.get("quickCommands").orElseThrow();
        assertEquals(List.of("read", "xmodem", "typo", "ping", "added"),
                saved.stream().map(entry -> ((Map<?, ?>) entry).get("name")).toList(), "in their places");
        assertEquals(newerChecksum, saved.get(1), "as they were");
        assertEquals(typo, saved.get(2));
        runFx(() -> windows.shutdown(window));
    }

    @Test
    void anAutoReplyRuleThisVersionCannotReadIsKeptAndToldInItsTab() {
        Settings settings = new Settings();
        MainWindow before = onFx(() -> windows.add(new MainWindow(locale -> { })));
        runFx(() -> {
            before.tab(TcpClientViewModel.class).traffic().responses().rules().add(
                    new Rule(true, Rule.Match.EXACT, "PING", QuickCommand.text("pong", "PONG"), 0));
            before.saveTo(settings);
            windows.shutdown(before);
        });
        List<Object> rules = new ArrayList<>((List<?>) settings.get(RULES).orElseThrow());
        Map<String, Object> newerMatch = new LinkedHashMap<>(command("suffix", "OK", "NONE"));
        newerMatch.putAll(Map.of("match", "SUFFIX", "pattern", "?", "enabled", true, "delayMs", 0));
        Map<String, Object> longDelay = new LinkedHashMap<>(newerMatch);
        longDelay.putAll(Map.of("name", "slow", "match", "CONTAINS", "delayMs", 120_000));
        rules.add(0, newerMatch);
        rules.add(longDelay);
        settings.put(RULES, rules);

        MainWindow window = onFx(() -> windows.add(new MainWindow(locale -> { }, settings)));

        TcpClientViewModel client = window.tab(TcpClientViewModel.class);
        assertEquals(List.of("pong"), onFx(() -> client.traffic().responses().rules().stream().map(Rule::name).toList()));
        assertEquals(List.of("2 saved auto-reply rules of this tab could not be read (written by a newer version, or"
                        + " edited by hand) and are not in the list; they stay in the settings file as they are."),
                errors(client.traffic().log()));
        runFx(() -> window.saveTo(settings));
        assertEquals(rules, settings.get(RULES).orElseThrow(), "saved back as they were, in their places");
        runFx(() -> windows.shutdown(window));
    }

    @Test
    void aTabOfAKindThisVersionDoesNotHaveIsKeptWithItsFields() {
        Settings settings = new Settings();
        MainWindow before = onFx(() -> windows.add(new MainWindow(locale -> { })));
        runFx(() -> {
            before.saveTo(settings);
            windows.shutdown(before);
        });
        List<Object> open = new ArrayList<>((List<?>) settings.get(SavedTabs.OPEN).orElseThrow());
        Map<String, Object> serial = Map.of("kind", "tabSerialPort", "number", 1, "name", "COM3");
        open.add(1, serial);
        List<String> kinds = new ArrayList<>(settings.getStringList(SavedTabs.KINDS));
        kinds.add("tabSerialPort");
        settings.put(SavedTabs.OPEN, open).put(SavedTabs.KINDS, kinds).put("serialPort.port", "COM3");

        MainWindow window = onFx(() -> windows.add(new MainWindow(locale -> { }, settings))); // the settings the app keeps

        assertFalse(onFx(window::tabIds).contains("tabSerialPort1"));
        runFx(() -> window.saveTo(settings));
        List<?> saved = (List<?>) settings.get(SavedTabs.OPEN).orElseThrow();
        assertEquals(serial, saved.get(1), "in its place");
        assertEquals(open.size(), saved.size());
        assertTrue(settings.getStringList(SavedTabs.KINDS).contains("tabSerialPort"),
                "the later version does not take it for a new kind");
        assertEquals("COM3", settings.getString("serialPort.port", ""));
        assertEquals(List.of("1 saved tab is of a kind this version does not have and is not shown; it stays in"
                + " the settings file, with its fields."), errors(onFx(() -> window.tab(TcpClientViewModel.class)
                .traffic().log())));
        runFx(() -> windows.shutdown(window));
    }

    private static Map<String, Object> command(String name, String payload, String checksum) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("name", name);
        command.put("payload", payload);
        command.put("hex", true);
        command.put("charset", "UTF-8");
        command.put("escapes", false);
        command.put("lineEnding", "NONE");
        command.put("checksum", checksum);
        return command;
    }

    private static List<String> errors(TrafficLog log) {
        return onFx(() -> log.entries().stream().filter(entry -> entry.kind() == LogEntry.Kind.ERROR)
                .map(LogEntry::message).toList());
    }
}
