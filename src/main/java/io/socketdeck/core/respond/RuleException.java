package io.socketdeck.core.respond;

import io.socketdeck.core.send.PayloadException;

/**
 * A rule that cannot be used as written, naming the field and what is wrong there, so the rule
 * dialog can say it at that field in the user's language.
 */
public final class RuleException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The dialog's fields a problem can be at. */
    public enum Field {
        PATTERN, REPLY
    }

    /** What is wrong. */
    public enum Reason {
        EMPTY, BAD_REGEX, HEX_CHARACTER, HEX_ODD,
        /** The reply cannot be built: see {@link #payloadProblem()}. */
        REPLY
    }

    private final Field field;
    private final Reason reason;
    private final int position;
    private final String offending;
    private final transient PayloadException payloadProblem;

    RuleException(Field field, Reason reason, int position, String offending) {
        super(field + " " + reason + " at " + position + ": " + offending);
        this.field = field;
        this.reason = reason;
        this.position = position;
        this.offending = offending;
        this.payloadProblem = null;
    }

    RuleException(PayloadException cause) {
        super(cause.getMessage(), cause);
        this.field = Field.REPLY;
        this.reason = Reason.REPLY;
        this.position = cause.position();
        this.offending = cause.offending();
        this.payloadProblem = cause;
    }

    public Field field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    /** 0-based index into the field's text. */
    public int position() {
        return position;
    }

    public String offending() {
        return offending;
    }

    /** For {@link Reason#REPLY}: why the reply cannot be built; null otherwise. */
    public PayloadException payloadProblem() {
        return payloadProblem;
    }
}
