package io.socketdeck.core.send;

import io.socketdeck.core.codec.SupportedCharsets;
import io.socketdeck.core.send.QuickCommandFormatException.Reason;
import io.socketdeck.core.send.QuickCommandFormatException.ValueKind;
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

    /** Reads commands from plain maps and lists: a list of commands, or an object with a "commands" list. */
    public static QuickCommandImport fromTree(Object root) throws QuickCommandFormatException {
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
        List<QuickCommand> commands = new ArrayList<>(entries.size());
        List<QuickCommandImport.CharsetFallback> fallbacks = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            if (!(entries.get(index) instanceof Map<?, ?> entry)) {
                throw QuickCommandFormatException.wrongType(index, null, ValueKind.OBJECT,
                        ValueKind.of(entries.get(index)));
            }
            String name = requiredString(entry, "name", index);
            String charsetName = optionalString(entry, "charset", index, StandardCharsets.UTF_8.name());
            if (SupportedCharsets.lookup(charsetName).isEmpty()) {
                QuickCommandImport.CharsetFallback fallback = new QuickCommandImport.CharsetFallback(index, name, charsetName);
                LOGGER.warn("quick command import: {}", fallback);
                fallbacks.add(fallback);
                charsetName = StandardCharsets.UTF_8.name();
            } else {
                charsetName = SupportedCharsets.byName(charsetName).name();
            }
            commands.add(new QuickCommand(name,
                    requiredString(entry, "payload", index),
                    optionalBoolean(entry, "hex", index),
                    charsetName,
                    optionalBoolean(entry, "escapes", index),
                    lineEnding(entry, index),
                    checksum(entry, index)));
        }
        return new QuickCommandImport(commands, fallbacks);
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
