package io.socketdeck.core.send;

import java.util.Objects;

/**
 * A quick-command file that cannot be imported. The message is English, for logs; the UI builds
 * its text from {@link #reason()}, {@link #index()}, {@link #field()} and {@link #detail()}.
 */
public final class QuickCommandFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Reason {
        /** Not JSON at all, or truncated; {@link #detail()} is the parser's text. */
        NOT_JSON,
        /** JSON, but not a list of commands (nor an object holding one under "commands"). */
        NOT_A_COMMAND_LIST,
        /** A command lacks a required field ("name" or "payload"). */
        MISSING_FIELD,
        /** A field holds the wrong kind of value (text where true/false belongs, ...). */
        WRONG_TYPE,
        /** A line ending or checksum name that does not exist; {@link #detail()} is the value. */
        UNKNOWN_VALUE,
        /** The file is larger than any command list could reasonably be. */
        TOO_LARGE
    }

    private final Reason reason;
    private final int index;
    private final String field;
    private final String detail;

    /**
     * @param index 0-based command index, or -1 when the problem is the whole file
     * @param field the field at fault, or null
     */
    public QuickCommandFormatException(Reason reason, int index, String field, String detail) {
        super(describe(reason, index, field, detail));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.index = index;
        this.field = field;
        this.detail = detail == null ? "" : detail;
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

    private static String describe(Reason reason, int index, String field, String detail) {
        String where = index < 0 ? "" : "command " + (index + 1) + (field == null ? "" : ", field \"" + field + "\"") + ": ";
        return switch (reason) {
            case NOT_JSON -> "not valid JSON: " + detail;
            case NOT_A_COMMAND_LIST -> "not a list of quick commands: " + detail;
            case MISSING_FIELD -> where + "missing";
            case WRONG_TYPE -> where + "wrong type: " + detail;
            case UNKNOWN_VALUE -> where + "unknown value \"" + detail + "\"";
            case TOO_LARGE -> "file too large: " + detail;
        };
    }
}
