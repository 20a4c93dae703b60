package io.socketdeck.core.text;

import io.socketdeck.core.capture.CaptureFailure;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.respond.RuleException;
import io.socketdeck.core.send.PayloadException;
import io.socketdeck.core.send.QuickCommandFormatException;

/**
 * What is wrong with something a user typed or chose (a host, a port, a local address, a payload,
 * an auto-reply rule, a file), in words: the window shows them under the field or in the log, the
 * command line prints the same ones. Positions are counted from 1, as a user counts characters.
 */
public final class InputErrors {

    private static final TextBundle TEXT = TextBundle.of(InputErrors.class);

    private InputErrors() {
    }

    public static String host(HostInput.Problem problem) {
        return switch (problem) {
            case EMPTY -> TEXT.text("field.host.empty");
            case INVALID -> TEXT.text("field.host.invalid");
        };
    }

    /** @param zeroAllowed whether 0 ("let the system pick") was allowed where this was typed */
    public static String port(PortInput.Problem problem, boolean zeroAllowed) {
        return switch (problem) {
            case EMPTY -> TEXT.text("field.port.empty");
            case NOT_A_NUMBER -> TEXT.text("field.port.notNumber");
            case OUT_OF_RANGE -> TEXT.text(zeroAllowed ? "field.port.rangeWithZero" : "field.port.range");
        };
    }

    public static String bindAddress(BindAddress.Problem problem) {
        return switch (problem) {
            case EMPTY -> TEXT.text("field.bind.empty");
            case NOT_AN_IP_ADDRESS -> TEXT.text("field.bind.invalid");
        };
    }

    public static String payload(PayloadException e) {
        return payload(e.reason(), e.position(), e.offending(), e.charsetName());
    }

    /** Message {@code number} of a run, built again with its macros' new values, that could not be built. */
    public static String laterPayload(long number, PayloadException e) {
        return TEXT.format("send.error.laterPayload", number, payload(e));
    }

    /** A payload problem from its parts, as an event carries them (see {@link PayloadException}). */
    public static String payload(PayloadException.Reason reason, int position, String offending, String charsetName) {
        String at = String.valueOf(position + 1);
        return switch (reason) {
            case HEX_ODD_DIGITS -> TEXT.format("send.error.hexOdd", at, offending);
            case HEX_INVALID_CHARACTER -> TEXT.format("send.error.hexChar", at, offending);
            case UNKNOWN_ESCAPE -> TEXT.format("send.error.unknownEscape", at, offending);
            case BAD_HEX_ESCAPE -> TEXT.format("send.error.badHexEscape", at, offending);
            case BAD_UNICODE_ESCAPE -> TEXT.format("send.error.badUnicodeEscape", at, offending);
            case TRAILING_BACKSLASH -> TEXT.format("send.error.trailingBackslash", at);
            case UNMAPPABLE -> TEXT.format("send.error.unmappable", offending, at, charsetName);
            case UNKNOWN_MACRO -> TEXT.format("send.error.unknownMacro", at, offending);
            case BAD_MACRO -> TEXT.format("send.error.badMacro", at, offending);
            case MACRO_NOT_HERE -> TEXT.format("send.error.macroNotHere", at, offending);
        };
    }

    /** An auto-reply rule that cannot be used as written: what the rule dialog says at the field. */
    public static String rule(RuleException e) {
        String at = Integer.toString(e.position() + 1);
        return switch (e.reason()) {
            case EMPTY -> TEXT.text(e.field() == RuleException.Field.PATTERN ? "rule.error.noPattern"
                    : "send.error.empty");
            case BAD_REGEX -> TEXT.format("rule.error.regex", at, e.offending());
            case HEX_CHARACTER -> TEXT.format("send.error.hexChar", at, e.offending());
            case HEX_ODD -> TEXT.format("send.error.hexOdd", at, e.offending());
            case REPLY -> payload(e.payloadProblem());
        };
    }

    /** A rules or quick-command file that cannot be imported, with the reason ({@code detail}). */
    public static String importFailed(String file, String detail) {
        return TEXT.format("quick.importFailed", file, detail);
    }

    /**
     * A rules or quick-command file that cannot be imported: it could not be read ({@link
     * IoErrors}), or is not such a file ({@link #importProblem}).
     */
    public static String importFailed(String file, Exception error) {
        return importFailed(file, error instanceof QuickCommandFormatException notAList ? importProblem(notAList)
                : IoErrors.describe(error));
    }

    /**
     * What is wrong in a rules or quick-command file, from the exception's parts: its English
     * message is for logs. Entries are counted from 1; "entry" fits a command and a rule alike.
     */
    public static String importProblem(QuickCommandFormatException e) {
        String entry = String.valueOf(e.index() + 1);
        String where = e.field() == null ? TEXT.format("import.at.entry", entry)
                : TEXT.format("import.at.field", entry, e.field());
        return switch (e.reason()) {
            case NOT_JSON -> e.line() > 0 && e.column() > 0
                    ? TEXT.format("import.NOT_JSON.at", String.valueOf(e.line()), String.valueOf(e.column()))
                    : TEXT.text("import.NOT_JSON");
            case NOT_A_COMMAND_LIST -> TEXT.text("import.NOT_A_COMMAND_LIST");
            case MISSING_FIELD -> TEXT.format("import.MISSING_FIELD", entry, String.valueOf(e.field()));
            case WRONG_TYPE -> TEXT.format("import.WRONG_TYPE", where, kind(e.expected()), kind(e.found()));
            case UNKNOWN_VALUE -> TEXT.format("import.UNKNOWN_VALUE", where, e.detail());
            case TOO_LARGE -> TEXT.format("import.TOO_LARGE", size(e.detail()));
        };
    }

    private static String kind(QuickCommandFormatException.ValueKind kind) {
        return kind == null ? "?" : TEXT.text("import.kind." + kind.name());
    }

    /** The size a {@link QuickCommandFormatException#tooLarge} holds, in bytes. */
    private static long size(String bytes) {
        try {
            return Long.parseLong(bytes);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A file to send that cannot be read. */
    public static String fileOpen(String file, String detail) {
        return TEXT.format("file.error.open", file, detail);
    }

    /** A capture file that cannot be created. */
    public static String captureOpen(String file, String detail) {
        return TEXT.format("capture.error.open", file, detail);
    }

    /**
     * A capture that stopped because its file could not be written (the disk is full, a roll-over's
     * next file is refused): the file and why, in {@link IoErrors}' words, never the JDK's text.
     */
    public static String captureFailed(CaptureFailure failure) {
        return TEXT.format("capture.failed", failure.file().toString(), IoErrors.describe(failure.cause()));
    }

    /**
     * A hex pattern with {@code ??} wildcards that does not parse: the send box's words for bad hex.
     *
     * @throws IllegalArgumentException for a problem that is not about hex digits (an empty pattern,
     *                                  a regex, a reply): the caller words those for its own field
     */
    public static String hexPattern(RuleException e) {
        String at = String.valueOf(e.position() + 1);
        return switch (e.reason()) {
            case HEX_CHARACTER -> TEXT.format("send.error.hexChar", at, e.offending());
            case HEX_ODD -> TEXT.format("send.error.hexOdd", at, e.offending());
            case EMPTY, BAD_REGEX, REPLY -> throw new IllegalArgumentException("not a hex pattern problem: " + e.getMessage());
        };
    }
}
