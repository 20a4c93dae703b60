package io.socketdeck.core.send;

import io.socketdeck.core.codec.SupportedCharsets;
import io.socketdeck.core.send.QuickCommandFormatException.Reason;
import io.socketdeck.core.send.QuickCommandFormatException.ValueKind;
import io.socketdeck.core.settings.EntriesRead;
import io.socketdeck.core.util.AtomicFiles;
import io.socketdeck.core.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quick commands as JSON, for export, import and the settings file:
 * <pre>
 * {
 *   "format" : "socketdeck.quick-commands",
 *   "version" : 1,
 *   "commands" : [ {
 *     "name" : "Read registers", "payload" : "01 03 00 00 00 0A", "hex" : true,
 *     "charset" : "UTF-8", "escapes" : false, "lineEnding" : "NONE", "checksum" : "CRC16_MODBUS"
 *   } ]
 * }
 * </pre>
 * Import also takes a bare array of commands. Only "name" and "payload" are required; a missing
 * switch is off, a missing encoding is UTF-8. An encoding that is not offered falls back to UTF-8
 * with a warning; an unknown line ending or checksum is an error, because guessing would send
 * different bytes from the ones the file describes.
 */
public final class QuickCommandJson {

    private static final Logger LOGGER = LoggerFactory.getLogger(QuickCommandJson.class);

    public static final String FORMAT = "socketdeck.quick-commands";
    public static final int VERSION = 1;
    /** Thousands of commands fit in far less; anything bigger is not a command list. */
    static final long MAX_FILE_BYTES = 16L << 20;

    private QuickCommandJson() {
    }

    /** The commands as plain maps and lists, for embedding in a larger JSON document. */
    public static List<Map<String, Object>> toTree(List<QuickCommand> commands) {
        List<Map<String, Object>> tree = new ArrayList<>(commands.size());
        for (QuickCommand command : commands) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", command.name());
            entry.put("payload", command.payload());
            entry.put("hex", command.hex());
            entry.put("charset", command.charsetName());
            entry.put("escapes", command.escapes());
            entry.put("lineEnding", command.lineEnding().name());
            entry.put("checksum", command.checksum().name());
            tree.add(entry);
        }
        return tree;
    }

    /** A whole export document. */
    public static String toJson(List<QuickCommand> commands) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("commands", toTree(commands));
        try {
            return Json.write(document);
        } catch (IOException e) {
            throw new IllegalStateException("plain maps and strings always serialize", e);
        }
    }

    /** Writes an export document to {@code file}, replacing it atomically. */
    public static void export(Path file, List<QuickCommand> commands) throws IOException {
        AtomicFiles.write(file, toJson(commands).getBytes(StandardCharsets.UTF_8));
    }

    public static QuickCommandImport importFrom(Path file) throws IOException, QuickCommandFormatException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw QuickCommandFormatException.tooLarge(size);
        }
        byte[] content = Files.readAllBytes(file);
        Object root;
        try {
            root = Json.parse(content);
        } catch (IOException e) {
            throw QuickCommandFormatException.notJson(e);
        }
        return fromTree(root);
    }

    /** Parses an export document or a bare array of commands. */
    public static QuickCommandImport fromJson(String json) throws QuickCommandFormatException {
        Object root;
        try {
            root = Json.parse(json);
        } catch (IOException e) {
            throw QuickCommandFormatException.notJson(e);
        }
        return fromTree(root);
    }

    /**
     * Reads commands from plain maps and lists: a list of commands, or an object with a "commands"
     * list. Each encoding that fell back to UTF-8 is logged as a warning.
     */
    public static QuickCommandImport fromTree(Object root) throws QuickCommandFormatException {
        QuickCommandImport read = readTree(root);
        read.charsetFallbacks().forEach(fallback -> LOGGER.warn("quick command import: {}", fallback));
        return read;
    }

    /**
     * As {@link #fromTree}, without logging the encodings that fell back: for a caller that decides
     * about them itself (the command line sends in any encoding Java can encode).
     */
    public static QuickCommandImport readTree(Object root) throws QuickCommandFormatException {
        List<?> entries = commandList(root);
        List<QuickCommand> commands = new ArrayList<>(entries.size());
        List<QuickCommandImport.CharsetFallback> fallbacks = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            commands.add(command(entries.get(index), index, fallbacks));
        }
        return new QuickCommandImport(commands, fallbacks);
    }

    /**
     * Reads the commands the settings file keeps, one by one: a command this version cannot read
     * is kept as it was ({@link EntriesRead}), so one bad entry costs nothing. An encoding that is
     * not offered makes a command unread here too, rather than UTF-8: saved again as UTF-8, its own
     * would be lost. A value that is no list at all is kept whole, as the first entry.
     */
    public static EntriesRead<QuickCommand> readEach(Object root) {
        List<?> entries;
        try {
            entries = commandList(root);
        } catch (QuickCommandFormatException notAList) {
            return new EntriesRead<>(List.of(), List.of(new EntriesRead.Unread(0, root, notAList.getMessage())));
        }
        return EntriesRead.of(entries, QuickCommandJson::stored);
    }

    /**
     * One command as the settings file keeps it, e.g. an auto-reply rule's reply; an encoding that
     * is not offered is an error here, not UTF-8 (see {@link #readEach}).
     */
    public static QuickCommand stored(Object entry, int index) throws QuickCommandFormatException {
        return command(entry, index, null);
    }

    private static List<?> commandList(Object root) throws QuickCommandFormatException {
        Object list = root;
        if (root instanceof Map<?, ?> document) {
            list = document.get("commands");
            if (list == null) {
                throw new QuickCommandFormatException(Reason.NOT_A_COMMAND_LIST, -1, null, "no \"commands\" list");
            }
        }
        if (!(list instanceof List<?> entries)) {
            throw new QuickCommandFormatException(Reason.NOT_A_COMMAND_LIST, -1, null,
                    "expected a list, found " + ValueKind.of(list).english());
        }
        return entries;
    }

    /**
     * @param fallbacks gets an encoding that is not offered, read as UTF-8; null: such an encoding
     *                  is an error
     */
    private static QuickCommand command(Object item, int index, List<QuickCommandImport.CharsetFallback> fallbacks)
            throws QuickCommandFormatException {
        if (!(item instanceof Map<?, ?> entry)) {
            throw QuickCommandFormatException.wrongType(index, null, ValueKind.OBJECT, ValueKind.of(item));
        }
        String name = requiredString(entry, "name", index);
        String charsetName = optionalString(entry, "charset", index, StandardCharsets.UTF_8.name());
        if (SupportedCharsets.lookup(charsetName).isEmpty()) {
            if (fallbacks == null) {
                throw new QuickCommandFormatException(Reason.UNKNOWN_VALUE, index, "charset", charsetName);
            }
            fallbacks.add(new QuickCommandImport.CharsetFallback(index, name, charsetName));
            charsetName = StandardCharsets.UTF_8.name();
        } else {
            charsetName = SupportedCharsets.byName(charsetName).name();
        }
        return new QuickCommand(name,
                requiredString(entry, "payload", index),
                optionalBoolean(entry, "hex", index),
                charsetName,
                optionalBoolean(entry, "escapes", index),
                lineEnding(entry, index),
                checksum(entry, index));
    }

    private static String requiredString(Map<?, ?> entry, String field, int index) throws QuickCommandFormatException {
        Object value = entry.get(field);
        if (value == null) {
            throw new QuickCommandFormatException(Reason.MISSING_FIELD, index, field, null);
        }
        if (!(value instanceof String text)) {
            throw QuickCommandFormatException.wrongType(index, field, ValueKind.TEXT, ValueKind.of(value));
        }
        return text;
    }

    private static String optionalString(Map<?, ?> entry, String field, int index, String absent)
            throws QuickCommandFormatException {
        return entry.get(field) == null ? absent : requiredString(entry, field, index);
    }

    private static boolean optionalBoolean(Map<?, ?> entry, String field, int index) throws QuickCommandFormatException {
        Object value = entry.get(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw QuickCommandFormatException.wrongType(index, field, ValueKind.TRUE_FALSE, ValueKind.of(value));
        }
        return flag;
    }

    private static LineEnding lineEnding(Map<?, ?> entry, int index) throws QuickCommandFormatException {
        String value = optionalString(entry, "lineEnding", index, LineEnding.NONE.name());
        for (LineEnding candidate : LineEnding.values()) {
            if (candidate.name().equalsIgnoreCase(value.strip())) {
                return candidate;
            }
        }
        throw new QuickCommandFormatException(Reason.UNKNOWN_VALUE, index, "lineEnding", value);
    }

    /** Takes the enum name ("CRC16_MODBUS") or the display name ("CRC-16/MODBUS"), in any case. */
    private static Checksum checksum(Map<?, ?> entry, int index) throws QuickCommandFormatException {
        String value = optionalString(entry, "checksum", index, Checksum.NONE.name()).strip();
        for (Checksum candidate : Checksum.values()) {
            if (candidate.name().equalsIgnoreCase(value) || candidate.displayName().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new QuickCommandFormatException(Reason.UNKNOWN_VALUE, index, "checksum", value);
    }
}
