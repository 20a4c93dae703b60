package io.socketdeck.core.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsStoreTest {

    @TempDir
    Path dir;

    private Settings sample() {
        return new Settings()
                .put("language", "zh-CN")
                .put("window.width", 1280)
                .put("window.height", 800)
                .put("tcpClient.host", "192.0.2.7")
                .put("tcpClient.port", 502)
                .put("tcpClient.encoding", "GBK")
                .put("tcpClient.hexSend", true)
                .put("tcpClient.history", List.of("AT", "AT+GMR"))
                .put("tcpClient.quickCommands", List.of(Map.of("name", "ping", "payload", "PING")));
    }

    @Test
    void savesAndLoadsEveryKindOfValue() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("sub/dir/settings.json"));
        store.save(sample());
        Settings loaded = store.load();
        assertTrue(store.warning().isEmpty());
        assertEquals(sample(), loaded);
        assertEquals("zh-CN", loaded.getString("language", "en"));
        assertEquals(1280, loaded.getInt("window.width", 0));
        assertEquals(502, loaded.getInt("tcpClient.port", 0));
        assertTrue(loaded.getBoolean("tcpClient.hexSend", false));
        assertEquals(List.of("AT", "AT+GMR"), loaded.getStringList("tcpClient.history"));
        assertEquals(List.of(Map.of("name", "ping", "payload", "PING")), loaded.get("tcpClient.quickCommands").orElseThrow());
    }

    @Test
    void aMissingFileIsAFirstStartNotAWarning() {
        SettingsStore store = new SettingsStore(dir.resolve("absent.json"));
        assertTrue(store.load().isEmpty());
        assertTrue(store.warning().isEmpty());
    }

    static Stream<String> corruptContents() {
        return Stream.of(
                "garbage, not JSON at all",
                "{\"language\": \"en\", \"window\": {\"width\": 12",
                "[1, 2, 3]",
                "\"just a string\"",
                "42",
                "",
                "{\"a\": 1} {\"b\": 2}",
                "{\"a\": \u0000}");
    }

    @ParameterizedTest
    @MethodSource("corruptContents")
    void aCorruptStoreGivesDefaultsAWarningAndIsKeptAside(String content) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        SettingsStore store = new SettingsStore(file);

        Settings loaded = store.load();

        assertTrue(loaded.isEmpty(), "defaults");
        assertEquals(8080, loaded.getInt("tcpClient.port", 8080));
        SettingsWarning warning = store.warning().orElseThrow();
        assertEquals(SettingsWarning.Kind.CORRUPT, warning.kind());
        assertNotNull(warning.keptAs(), "moved aside");
        assertEquals(content, Files.readString(warning.keptAs(), StandardCharsets.UTF_8), "nothing lost");
        assertFalse(Files.exists(file));

        store.save(sample()); // the next save does not touch the kept copy
        assertEquals(content, Files.readString(warning.keptAs(), StandardCharsets.UTF_8));
        assertEquals(sample(), new SettingsStore(file).load());
    }

    @Test
    void binaryGarbageIsCorruptToo() throws Exception {
        Path file = dir.resolve("settings.json");
        byte[] garbage = {(byte) 0xFF, (byte) 0xD8, 0x00, 0x10, 0x7B, (byte) 0x80};
        Files.write(file, garbage);
        SettingsStore store = new SettingsStore(file);
        assertTrue(store.load().isEmpty());
        assertEquals(SettingsWarning.Kind.CORRUPT, store.warning().orElseThrow().kind());
        assertArrayEquals(garbage, Files.readAllBytes(store.warning().orElseThrow().keptAs()));
    }

    @Test
    void twoCorruptionsKeepTwoCopies() throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        Files.writeString(file, "first {");
        store.load();
        Path first = store.warning().orElseThrow().keptAs();
        Files.writeString(file, "second {");
        store.load();
        Path second = store.warning().orElseThrow().keptAs();
        assertFalse(first.equals(second));
        assertEquals("first {", Files.readString(first));
        assertEquals("second {", Files.readString(second));
    }

    @Test
    void wrongTypesInsideAValidFileCostOnlyThoseEntries() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"tcpClient\": {\"port\": \"abc\", \"timeout\": 1.5, \"big\": 1e12,"
                + " \"host\": 7, \"hexSend\": \"yes\", \"history\": [\"AT\", 5, null, \"ATI\"], \"encoding\": \"GBK\"},"
                + " \"window\": 3}");
        SettingsStore store = new SettingsStore(file);
        Settings loaded = store.load();
        assertTrue(store.warning().isEmpty(), "the file itself is fine");
        assertEquals(8080, loaded.getInt("tcpClient.port", 8080));
        assertEquals(5000, loaded.getInt("tcpClient.timeout", 5000));
        assertEquals(5000, loaded.getInt("tcpClient.big", 5000));
        assertEquals("127.0.0.1", loaded.getString("tcpClient.host", "127.0.0.1"));
        assertFalse(loaded.getBoolean("tcpClient.hexSend", false));
        assertEquals(List.of("AT", "ATI"), loaded.getStringList("tcpClient.history"));
        assertEquals("GBK", loaded.getString("tcpClient.encoding", "UTF-8"));
        assertEquals(900, loaded.getInt("window.width", 900), "a path through a non-object");
        loaded.put("window.width", 1024);
        assertEquals(1024, loaded.getInt("window.width", 900), "put replaces what is in the way");
    }

    /**
     * Issue 52: an unreadable file gave defaults but stayed where it was, and the save at exit
     * renamed the new file over it (a rename needs no read permission). Now it is moved aside as a
     * corrupt one is. A folder where the file belongs cannot be read as a file, even by root.
     */
    @Test
    void anUnreadableStoreGivesDefaultsAWarningAndIsKeptAside() throws Exception {
        Path file = Files.createDirectory(dir.resolve("settings.json"));
        Files.writeString(file.resolve("inside.txt"), "what the user had");
        SettingsStore store = new SettingsStore(file);

        assertTrue(store.load().isEmpty(), "defaults");

        SettingsWarning warning = store.warning().orElseThrow();
        assertEquals(SettingsWarning.Kind.UNREADABLE, warning.kind());
        assertNotNull(warning.keptAs(), "moved aside: " + warning);
        assertTrue(warning.keptAs().getFileName().toString().endsWith(".corrupt"), warning.keptAs().toString());
        assertEquals("what the user had", Files.readString(warning.keptAs().resolve("inside.txt")));
        store.save(sample());
        assertEquals(sample(), new SettingsStore(file).load(), "the next save writes a fresh file");
        assertEquals("what the user had", Files.readString(warning.keptAs().resolve("inside.txt")));
    }

    /**
     * Issue 52: a file that can be neither read nor moved aside is not saved over, however often
     * a save is asked; once it can be moved (the folder fixed), the next save moves it and writes.
     * The file here is a link to a folder: unreadable as a file, even by root, and a rename over it
     * would replace it.
     */
    @Test
    void aFileThatCannotBeMovedAsideIsNeverSavedOver() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path file = Files.createSymbolicLink(dir.resolve("settings.json"), elsewhere);
        AtomicBoolean folderFixed = new AtomicBoolean();
        SettingsStore store = new SettingsStore(file, (from, to) -> {
            if (!folderFixed.get()) {
                throw new AccessDeniedException(from.toString());
            }
            Files.move(from, to);
        });

        assertTrue(store.load().isEmpty());
        assertEquals(SettingsWarning.Kind.UNREADABLE, store.warning().orElseThrow().kind());
        assertNull(store.warning().orElseThrow().keptAs());

        IOException refused = assertThrows(IOException.class, () -> store.save(sample()));
        assertTrue(refused.getMessage().contains("cannot be moved aside, so nothing is saved over it"),
                refused.getMessage());
        assertThrows(IOException.class, () -> store.save(sample()), "a second try as well");
        assertTrue(Files.isSymbolicLink(file), "left as it was");

        folderFixed.set(true);
        store.save(sample());
        assertEquals(sample(), new SettingsStore(file).load());
        try (Stream<Path> kept = Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".corrupt"))) {
            Path copy = kept.findFirst().orElseThrow();
            assertTrue(Files.isSymbolicLink(copy) && Files.readSymbolicLink(copy).equals(elsewhere), copy.toString());
        }
    }

    /** The case met in the field (a file left by a run under sudo, or mode 000); root reads anything. */
    @Test
    void aFileWithoutReadPermissionIsKeptAsideWhole() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"language\": \"en\"}");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions here");
        }
        assumeTrue(!Files.isReadable(file), "running as a user who can read anything (root)");
        SettingsStore store = new SettingsStore(file);
        assertTrue(store.load().isEmpty());
        SettingsWarning warning = store.warning().orElseThrow();
        assertEquals(SettingsWarning.Kind.UNREADABLE, warning.kind());
        assertNotNull(warning.keptAs(), "moved aside");
        store.save(sample());
        Files.setPosixFilePermissions(warning.keptAs(), PosixFilePermissions.fromString("rw-------"));
        assertEquals("{\"language\": \"en\"}", Files.readString(warning.keptAs()), "nothing lost");
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        store.save(sample());
        store.save(new Settings().put("language", "en"));
        assertEquals("en", store.load().getString("language", ""));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    /**
     * Issue 9: a 3 GB settings file made load(), documented never to throw, throw
     * OutOfMemoryError. A file over the cap is now corrupt: kept aside, defaults, a warning, and
     * never more than the cap is read.
     */
    @Test
    void aHugeFileIsCorruptNotAnOutOfMemoryError() throws Exception {
        Path file = dir.resolve("settings.json");
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.write("{\"language\": \"en\", \"pad\": \"".getBytes(StandardCharsets.US_ASCII));
            huge.setLength(3L << 30); // sparse: 3 GB that take no disk
        }
        SettingsStore store = new SettingsStore(file);
        Settings loaded = store.load();
        assertTrue(loaded.isEmpty(), "defaults");
        SettingsWarning warning = store.warning().orElseThrow();
        assertEquals(SettingsWarning.Kind.CORRUPT, warning.kind());
        assertTrue(warning.detail().contains("larger than 32 MiB"), warning.detail());
        assertEquals(3L << 30, Files.size(warning.keptAs()), "kept aside whole");
        assertFalse(Files.exists(file));
    }

    /**
     * Issue 9: a 21-million-character send-history entry was saved as it was; the JSON reader
     * stops at 20 million, so the next start found the file corrupt and reset every setting. Now
     * no stored string can come near that limit: the one value is lost, the file and the rest stay.
     */
    @Test
    void aGiantStringCostsThatValueOnlyNotEverySetting() throws Exception {
        Path file = dir.resolve("settings.json");
        SettingsStore store = new SettingsStore(file);
        String giant = "A".repeat(21_000_000);
        store.save(sample().put("tcpClient.send.history", List.of("AT", giant, "ATI")).put("tcpClient.note", giant));

        Settings loaded = store.load();
        assertTrue(store.warning().isEmpty(), "the file reads: " + store.warning());
        assertEquals("zh-CN", loaded.getString("language", "en"), "every other setting survives");
        assertEquals(502, loaded.getInt("tcpClient.port", 0));
        assertEquals(List.of("AT", "", "ATI"), loaded.getStringList("tcpClient.send.history"));
        assertEquals("", loaded.getString("tcpClient.note", "default"));
        assertTrue(Files.size(file) < 1_000_000, "nothing near the reader's limit was written: " + Files.size(file));
    }

    @Test
    void aStringAtTheCapIsKept() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        String atCap = "B".repeat(Settings.MAX_STRING_CHARS);
        store.save(new Settings().put("big", atCap));
        assertEquals(atCap, store.load().getString("big", ""));
    }

    @Test
    void theSystemPropertyMovesTheDefaultLocation() {
        String before = System.getProperty(SettingsStore.PATH_PROPERTY);
        try {
            System.setProperty(SettingsStore.PATH_PROPERTY, dir.resolve("x.json").toString());
            assertEquals(dir.resolve("x.json"), SettingsStore.defaultPath());
            System.clearProperty(SettingsStore.PATH_PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".socketdeck", "settings.json"),
                    SettingsStore.defaultPath());
        } finally {
            if (before != null) {
                System.setProperty(SettingsStore.PATH_PROPERTY, before);
            }
        }
    }
}
