package io.socketdeck.core.send;

import static io.socketdeck.core.send.ChecksumTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.QuickCommandFormatException.Reason;
import io.socketdeck.core.settings.EntriesRead;
import io.socketdeck.core.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickCommandTest {

    private static final QuickCommand MODBUS = new QuickCommand("Read registers", "01 03 00 00 00 0A", true,
            "UTF-8", false, LineEnding.NONE, Checksum.CRC16_MODBUS);
    private static final QuickCommand HELLO = new QuickCommand("你好", "你好\\r\\n", false, "GBK", true,
            LineEnding.NONE, Checksum.NONE);
    private static final QuickCommand AT = new QuickCommand("AT", "AT", false, "US-ASCII", false,
            LineEnding.CRLF, Checksum.NONE);

    @TempDir
    Path dir;

    @Test
    void eachCommandBuildsItsBytes() throws PayloadException {
        assertArrayEquals(bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD), MODBUS.toBytes());
        assertArrayEquals(bytes(0xC4, 0xE3, 0xBA, 0xC3, 0x0D, 0x0A), HELLO.toBytes());
        assertArrayEquals(bytes('A', 'T', 0x0D, 0x0A), AT.toBytes());
    }

    @Test
    void addEditDeleteAndReorder() {
        QuickCommandList list = new QuickCommandList();
        list.add(MODBUS);
        list.add(HELLO);
        list.add(AT);
        list.replace(1, HELLO.withName("Hello"));
        assertEquals("Hello", list.get(1).name());
        assertTrue(list.moveUp(2));
        assertEquals(List.of(MODBUS, AT, HELLO.withName("Hello")), list.list());
        assertFalse(list.moveUp(0));
        assertFalse(list.moveDown(2));
        assertTrue(list.moveDown(0));
        assertEquals(List.of(AT, MODBUS, HELLO.withName("Hello")), list.list());
        assertEquals(AT, list.remove(0));
        assertEquals(2, list.size());
        assertThrows(IndexOutOfBoundsException.class, () -> list.moveUp(5));
    }

    @Test
    void exportThenImportGivesTheSameCommands() throws Exception {
        QuickCommandList list = new QuickCommandList(List.of(MODBUS, HELLO, AT));
        Path file = dir.resolve("commands.json");
        list.exportTo(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"format\" : \"socketdeck.quick-commands\""), json);
        QuickCommandImport imported = QuickCommandList.importFrom(file);
        assertEquals(List.of(MODBUS, HELLO, AT), imported.commands());
        assertTrue(imported.charsetFallbacks().isEmpty());
    }

    @Test
    void bareArraysDefaultsAndDisplayNamesAreAccepted() throws QuickCommandFormatException {
        QuickCommandImport imported = QuickCommandJson.fromJson(
                "[{\"name\":\"ping\",\"payload\":\"PING\"},"
                        + " {\"name\":\"crc\",\"payload\":\"01\",\"hex\":true,\"checksum\":\"crc-16/modbus\","
                        + "\"lineEnding\":\"crlf\",\"charset\":\"gbk\"}]");
        assertEquals(QuickCommand.text("ping", "PING"), imported.commands().get(0));
        QuickCommand crc = imported.commands().get(1);
        assertEquals(Checksum.CRC16_MODBUS, crc.checksum());
        assertEquals(LineEnding.CRLF, crc.lineEnding());
        assertEquals("GBK", crc.charsetName(), "an alias becomes the offered charset's name");
    }

    @Test
    void unknownCharsetFallsBackToUtf8WithAWarning() throws QuickCommandFormatException {
        QuickCommandImport imported = QuickCommandJson.fromJson(
                "{\"commands\":[{\"name\":\"a\",\"payload\":\"x\"},{\"name\":\"b\",\"payload\":\"y\",\"charset\":\"KLINGON-8\"}]}");
        assertEquals("UTF-8", imported.commands().get(1).charsetName());
        assertEquals(List.of(new QuickCommandImport.CharsetFallback(1, "b", "KLINGON-8")), imported.charsetFallbacks());
    }

    @Test
    void malformedFilesAreErrorsWithAReason() throws Exception {
        assertImportFails("{\"commands\": [", Reason.NOT_JSON, -1, null);
        assertImportFails("garbage", Reason.NOT_JSON, -1, null);
        assertImportFails("", Reason.NOT_JSON, -1, null);
        assertImportFails("[] trailing", Reason.NOT_JSON, -1, null);
        assertImportFails("{\"other\": 1}", Reason.NOT_A_COMMAND_LIST, -1, null);
        assertImportFails("42", Reason.NOT_A_COMMAND_LIST, -1, null);
        assertImportFails("{\"commands\": {\"name\": \"x\"}}", Reason.NOT_A_COMMAND_LIST, -1, null);
        assertImportFails("[\"just text\"]", Reason.WRONG_TYPE, 0, null);
        assertImportFails("[{\"name\":\"a\",\"payload\":\"x\"},{\"payload\":\"x\"}]", Reason.MISSING_FIELD, 1, "name");
        assertImportFails("[{\"name\":\"a\"}]", Reason.MISSING_FIELD, 0, "payload");
        assertImportFails("[{\"name\":\"a\",\"payload\":7}]", Reason.WRONG_TYPE, 0, "payload");
        assertImportFails("[{\"name\":\"a\",\"payload\":\"x\",\"hex\":\"yes\"}]", Reason.WRONG_TYPE, 0, "hex");
        assertImportFails("[{\"name\":\"a\",\"payload\":\"x\",\"checksum\":\"CRC64\"}]", Reason.UNKNOWN_VALUE, 0, "checksum");
        assertImportFails("[{\"name\":\"a\",\"payload\":\"x\",\"lineEnding\":\"NEL\"}]", Reason.UNKNOWN_VALUE, 0, "lineEnding");

        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
        QuickCommandFormatException error = assertThrows(QuickCommandFormatException.class,
                () -> QuickCommandList.importFrom(binary));
        assertEquals(Reason.NOT_JSON, error.reason());
    }

    /** Issue 52: in the settings file, a command that cannot be read costs that command only, and is kept. */
    @Test
    void theSettingsKeepACommandTheyCannotReadAsItWas() throws Exception {
        List<Object> tree = new ArrayList<>(QuickCommandJson.toTree(List.of(AT, HELLO))); // as the settings have them
        tree.add(1, Json.parse("{\"name\":\"x\",\"payload\":\"01\",\"hex\":true,\"checksum\":\"CRC16_XMODEM\"}"));
        tree.add(2, Json.parse("{\"name\":\"y\",\"payload\":\"AT\",\"lineEnding\":\"NEL\"}"));
        tree.add(3, Json.parse("{\"name\":\"z\",\"payload\":\"AT\",\"charset\":\"KLINGON-8\"}"));
        tree.add(4, "just text");

        EntriesRead<QuickCommand> read = QuickCommandJson.readEach(tree);

        assertEquals(List.of(AT, HELLO), read.read());
        assertEquals(List.of(1, 2, 3, 4), read.unread().stream().map(EntriesRead.Unread::index).toList(),
                "an encoding not offered too: saved as UTF-8 its own would be lost");
        assertTrue(read.unread().get(0).problem().contains("CRC16_XMODEM"), read.unread().get(0).problem());
        assertEquals(Json.parse(Json.write(tree)), Json.parse(Json.write(
                EntriesRead.withUnread(QuickCommandJson.toTree(read.read()), read.unread()))), "written back as read");
    }

    @Test
    void aStoredValueThatIsNoListIsKeptWhole() {
        EntriesRead<QuickCommand> read = QuickCommandJson.readEach("not a list");
        assertEquals(List.of(), read.read());
        assertEquals(List.of("not a list"), EntriesRead.withUnread(List.of(), read.unread()));
    }

    private static void assertImportFails(String json, Reason reason, int index, String field) {
        QuickCommandFormatException error = assertThrows(QuickCommandFormatException.class,
                () -> QuickCommandJson.fromJson(json), json);
        assertEquals(reason, error.reason(), json + " -> " + error.getMessage());
        assertEquals(index, error.index(), json);
        assertEquals(field, error.field(), json);
    }

    @Test
    void exportReplacesAnExistingFile() throws Exception {
        Path file = dir.resolve("commands.json");
        Files.writeString(file, "old content that is longer than the new one ".repeat(100), StandardCharsets.UTF_8);
        QuickCommandJson.export(file, List.of(AT));
        assertEquals(List.of(AT), QuickCommandJson.importFrom(file).commands());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }
}
