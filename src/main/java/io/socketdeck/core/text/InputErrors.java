package io.socketdeck.core.text;

import io.socketdeck.core.capture.CaptureFailure;
import io.socketdeck.core.net.BindAddress;
import io.socketdeck.core.net.HostInput;
import io.socketdeck.core.net.PortInput;
import io.socketdeck.core.respond.RuleException;
import io.socketdeck.core.send.PayloadException;

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

    /** A file to send that cannot be read. */
    public static String fileOpen(String file, String detail) {
        return TEXT.format("file.error.open", file, detail);
    }

    /** A capture file that cannot be created. */
    public static String captureOpen(String file, String detail) {
        return TEXT.format("capture.error.open", file, detail);
    }

    /** A capture that stopped because its file could not be written (the disk is full, say). */
    public static String captureFailed(CaptureFailure failure) {
        return TEXT.format("capture.failed." + failure.kind().name(), failure.file().toString(), failure.detail());
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
