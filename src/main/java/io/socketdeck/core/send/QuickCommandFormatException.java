package io.socketdeck.core.send;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A quick-command (or auto-reply rules) file that cannot be imported. The message is English, for
 * logs; what a user reads is built from the parts ({@link #reason()}, {@link #index()}, {@link
 * #field()}, {@link #detail()}, {@link #expected()} and {@link #found()}, {@link #line()} and
 * {@link #column()}) in the current language, by {@code io.socketdeck.core.text.InputErrors}.
 */
public final class QuickCommandFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Reason {
        /** Not JSON at all, or truncated; {@link #detail()} is the parser's text, {@link #line()} where. */
        NOT_JSON,
        /** JSON, but not a list of commands (nor an object holding one under "commands"). */
        NOT_A_COMMAND_LIST,
        /** A command lacks a required field ("name" or "payload"). */
        MISSING_FIELD,
        /** A field holds the wrong kind of value: {@link #found()} where {@link #expected()} belongs. */
        WRONG_TYPE,
        /** A line ending or checksum name that does not exist; {@link #detail()} is the value. */
        UNKNOWN_VALUE,
        /** The file is larger than any command list could reasonably be; {@link #detail()} is its size in bytes. */
        TOO_LARGE
    }

    /** The kind of a JSON value, for a {@link Reason#WRONG_TYPE}. */
    public enum ValueKind {
        OBJECT("an object"),
        LIST("a list"),
        TEXT("text"),
        NUMBER("a number"),
        TRUE_FALSE("true/false"),
        NULL("null");

        private final String english;

        ValueKind(String english) {
            this.english = english;
        }

        /** "an object", "true/false": for the English message of logs. */
        String english() {
            return english;
        }

        /** The kind of a value as the JSON reader gives it (maps, lists, strings, numbers, booleans). */
        public static ValueKind of(Object value) {
            if (value instanceof Map) {
                return OBJECT;
            }
            if (value instanceof List) {
                return LIST;
            }
            if (value instanceof String) {
                return TEXT;
            }
            if (value instanceof Number) {
                return NUMBER;
            }
            if (value instanceof Boolean) {
                return TRUE_FALSE;
            }
            return NULL;
        }
    }

    private final Reason reason;
    private final int index;
    private final String field;
    private final String detail;
    private final ValueKind expected;
    private final ValueKind found;
    private final int line;
    private final int column;

    /**
     * @param index 0-based command index, or -1 when the problem is the whole file
     * @param field the field at fault, or null
     */
    public QuickCommandFormatException(Reason reason, int index, String field, String detail) {
        this(reason, index, field, detail, null, null, -1, -1);
    }

    private QuickCommandFormatException(Reason reason, int index, String field, String detail, ValueKind expected,
                                        ValueKind found, int line, int column) {
        super(describe(reason, index, field, detail == null ? "" : detail));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.index = index;
        this.field = field;
        this.detail = detail == null ? "" : detail;
        this.expected = expected;
        this.found = found;
        this.line = line;
        this.column = column;
    }

    /** A command's field (or, {@code field} null, the command itself) holding {@code found} instead of {@code expected}. */
    public static QuickCommandFormatException wrongType(int index, String field, ValueKind expected, ValueKind found) {
        return new QuickCommandFormatException(Reason.WRONG_TYPE, index, field,
                "expected " + expected.english + ", found " + found.english, expected, found, -1, -1);
    }

    /** A file that is not JSON; where the parser stopped, when it says. */
    public static QuickCommandFormatException notJson(IOException parserError) {
        String text = String.valueOf(parserError.getMessage());
        int newline = text.indexOf('\n');
        String firstLine = newline < 0 ? text : text.substring(0, newline);
        JsonLocation at = parserError instanceof JsonProcessingException json ? json.getLocation() : null;
        return new QuickCommandFormatException(Reason.NOT_JSON, -1, null, firstLine, null, null,
                at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr());
    }

    /** A file of {@code bytes}, too large to be a list of commands. */
    public static QuickCommandFormatException tooLarge(long bytes) {
        return new QuickCommandFormatException(Reason.TOO_LARGE, -1, null, Long.toString(bytes));
    }

    public Reason reason() {
        return reason;
    }

    /** 0-based index of the command at fault, or -1. */
    public int index() {
        return index;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }

    /** For {@link Reason#WRONG_TYPE}: the kind the field must hold; else null. */
    public ValueKind expected() {
        return expected;
    }

    /** For {@link Reason#WRONG_TYPE}: the kind it held; else null. */
    public ValueKind found() {
        return found;
    }

    /** For {@link Reason#NOT_JSON}: the line (from 1) where the parser stopped, or -1 when it did not say. */
    public int line() {
        return line;
    }

    /** For {@link Reason#NOT_JSON}: the column (from 1) where the parser stopped, or -1. */
    public int column() {
        return column;
    }

    private static String describe(Reason reason, int index, String field, String detail) {
        String where = index < 0 ? "" : "command " + (index + 1) + (field == null ? "" : ", field \"" + field + "\"") + ": ";
        return switch (reason) {
            case NOT_JSON -> "not valid JSON: " + detail;
            case NOT_A_COMMAND_LIST -> "not a list of quick commands: " + detail;
            case MISSING_FIELD -> where + "missing";
            case WRONG_TYPE -> where + "wrong type: " + detail;
            case UNKNOWN_VALUE -> where + "unknown value \"" + detail + "\"";
            case TOO_LARGE -> "file too large: " + detail + " bytes";
        };
    }
}
