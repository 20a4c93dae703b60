package io.socketdeck.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 52: two instances of the app on one settings file overwrote each other, the last to save
 * winning whole: start A and B, add quick commands in A, close B, and A's commands were gone. Now
 * a save keeps what another writer saved since for every value this instance has not changed.
 */
class TwoWritersTest {

    private static final List<Map<String, Object>> PING = List.of(Map.of("name", "ping", "payload", "PING"));
    private static final List<Map<String, Object>> READ = List.of(Map.of("name", "read", "payload", "01 03"));

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void savedBefore() throws Exception {
        file = dir.resolve("settings.json");
        new SettingsStore(file).save(new Settings()
                .put("ui.language", "en")
                .put("ui.window.width", 1280.0)
                .put("quickCommands", List.of())
                .put("tcpClient.host", "plc.local")
                .put("tcpClient.port", "502")
                .put("tcpClient.2.host", "10.0.0.2"));
    }

    @Test
    void theInstanceClosedLastKeepsWhatTheOtherAddedMeanwhile() throws Exception {
        SettingsStore storeA = new SettingsStore(file);
        SettingsStore storeB = new SettingsStore(file);
        Settings a = storeA.load();
        Settings b = storeB.load();

        storeA.save(a.put("quickCommands", PING)); // A's autosave
        storeB.save(b.put("ui.window.width", 900.0)); // B's exit: its size, and its stale list

        Settings after = new SettingsStore(file).load();
        assertEquals(PING, after.get("quickCommands").orElseThrow(), "A's commands survive B's exit");
        assertEquals(900.0, after.getDouble("ui.window.width", 0), "B's own change is saved");
        assertEquals("en", after.getString("ui.language", ""));
    }

    @Test
    void twoFieldsOfOneTabChangedInEachInstanceAreBothKept() throws Exception {
        SettingsStore storeA = new SettingsStore(file);
        SettingsStore storeB = new SettingsStore(file);
        Settings a = storeA.load();
        Settings b = storeB.load();

        storeA.save(a.put("tcpClient.host", "device.local"));
        storeB.save(b.put("tcpClient.port", "5020"));

        Settings after = new SettingsStore(file).load();
        assertEquals("device.local", after.getString("tcpClient.host", ""));
        assertEquals("5020", after.getString("tcpClient.port", ""));
    }

    @Test
    void aValueBothChangedIsTheLaterSaves() throws Exception {
        SettingsStore storeA = new SettingsStore(file);
        SettingsStore storeB = new SettingsStore(file);
        Settings a = storeA.load();
        Settings b = storeB.load();

        storeA.save(a.put("quickCommands", PING).put("ui.language", "zh-CN"));
        storeB.save(b.put("quickCommands", READ));

        Settings after = new SettingsStore(file).load();
        assertEquals(READ, after.get("quickCommands").orElseThrow(), "a list is one value: the later save's");
        assertEquals("zh-CN", after.getString("ui.language", ""), "what only A changed stays");
    }

    @Test
    void aRemovalIsAChangeAndAnUntouchedValueDoesNotComeBack() throws Exception {
        SettingsStore storeA = new SettingsStore(file);
        SettingsStore storeB = new SettingsStore(file);
        Settings a = storeA.load();
        Settings b = storeB.load();

        storeA.save(a.remove("tcpClient.2")); // A closed its second client tab
        storeB.save(b.put("ui.language", "zh-CN"));

        Settings after = new SettingsStore(file).load();
        assertFalse(after.get("tcpClient.2").isPresent(), after.toString());
        assertEquals("zh-CN", after.getString("ui.language", ""));
    }

    @Test
    void laterSavesOfEitherKeepWhatTheOtherSaved() throws Exception {
        SettingsStore storeA = new SettingsStore(file);
        SettingsStore storeB = new SettingsStore(file);
        Settings a = storeA.load();
        Settings b = storeB.load();

        storeA.save(a.put("quickCommands", PING));
        storeB.save(b.put("ui.window.width", 900.0));
        storeB.save(b.put("ui.language", "zh-CN")); // B still holds the old list: not a change of B's
        storeA.save(a.put("tcpClient.host", "device.local")); // A still holds the old width and language

        Settings after = new SettingsStore(file).load();
        assertEquals(PING, after.get("quickCommands").orElseThrow());
        assertEquals(900.0, after.getDouble("ui.window.width", 0));
        assertEquals("zh-CN", after.getString("ui.language", ""));
        assertEquals("device.local", after.getString("tcpClient.host", ""));
    }

    @Test
    void aHandEditWhileTheAppRunsIsKeptWhereTheAppChangedNothing() throws Exception {
        SettingsStore store = new SettingsStore(file);
        Settings settings = store.load();
        String edited = Files.readString(file).replace("plc.local", "edited.local").replaceFirst("\\{", "{\"mine\": 7,");
        Files.writeString(file, edited);

        store.save(settings.put("ui.language", "zh-CN"));

        Settings after = new SettingsStore(file).load();
        assertEquals("edited.local", after.getString("tcpClient.host", ""));
        assertEquals(7, after.getInt("mine", 0));
        assertEquals("zh-CN", after.getString("ui.language", ""));
    }

    @Test
    void aNumberWrittenAnotherWayIsNotAChange() throws Exception {
        Files.writeString(file, "{\"ui\": {\"window\": {\"width\": 1280}}}");
        SettingsStore storeA = new SettingsStore(file);
        SettingsStore storeB = new SettingsStore(file);
        Settings a = storeA.load();
        Settings b = storeB.load();

        storeA.save(a.put("ui.window.width", 900.0));
        storeB.save(b.put("ui.window.width", 1280.0)); // B writes back what it read, as a double

        assertEquals(900.0, new SettingsStore(file).load().getDouble("ui.window.width", 0));
    }

    @Test
    void aFileDamagedWhileTheAppRunsIsSetAsideAndTheSaveWritesItsOwn() throws Exception {
        SettingsStore store = new SettingsStore(file);
        Settings settings = store.load();
        Files.writeString(file, "{\"half an edit\": ", StandardCharsets.UTF_8);

        store.save(settings.put("ui.language", "zh-CN"));

        assertEquals(settings, new SettingsStore(file).load());
        try (Stream<Path> kept = Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".corrupt"))) {
            assertEquals("{\"half an edit\": ", Files.readString(kept.findFirst().orElseThrow()));
        }
    }

    @Test
    void aFileRemovedWhileTheAppRunsIsWrittenWhole() throws Exception {
        SettingsStore store = new SettingsStore(file);
        Settings settings = store.load();
        Files.delete(file);

        store.save(settings.put("ui.language", "zh-CN"));

        assertEquals(settings, new SettingsStore(file).load());
        assertTrue(new SettingsStore(file).load().get("tcpClient.2.host").isPresent());
    }
}
