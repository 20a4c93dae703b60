package io.socketdeck.core.send;

import io.socketdeck.core.codec.HexFormatException;
import io.socketdeck.core.codec.TextEncodingException;
import java.util.Objects;

/**
 * The send box's text cannot become bytes. One type for hex and text input, so the UI has one
 * place that turns {@link #reason()}, {@link #position()}, {@link #offending()} and
 * {@link #charsetName()} into a localised message at the field.
 */
public final class PayloadException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong; the HEX_ reasons come from hex input, the others from text. */
    public enum Reason {
        HEX_ODD_DIGITS,
        HEX_INVALID_CHARACTER,
        UNKNOWN_ESCAPE,
        BAD_HEX_ESCAPE,
        BAD_UNICODE_ESCAPE,
        TRAILING_BACKSLASH,
        UNMAPPABLE,
        /** A <code>{{NAME}}</code> that is no macro; {@link #offending()} is the whole of it. */
        UNKNOWN_MACRO,
        /** A macro whose argument is wrong (<code>{{RANDOM:0}}</code>, a bad time pattern, an unclosed <code>{{</code>). */
        BAD_MACRO,
        /** A macro that only an automatic answer has (<code>{{REQ_HEX}}</code>), in a send of one's own. */
        MACRO_NOT_HERE
    }

    private final Reason reason;
    private final int position;
    private final String offending;
    private final String charsetName;

    PayloadException(HexFormatException cause) {
        super(cause.getMessage(), cause);
        this.reason = cause.reason() == HexFormatException.Reason.ODD_DIGITS
                ? Reason.HEX_ODD_DIGITS : Reason.HEX_INVALID_CHARACTER;
        this.position = cause.position();
        this.offending = cause.offending();
        this.charsetName = null;
    }

    PayloadException(TextEncodingException cause) {
        super(cause.getMessage(), cause);
        this.reason = switch (cause.reason()) {
            case UNKNOWN_ESCAPE -> Reason.UNKNOWN_ESCAPE;
            case BAD_HEX_ESCAPE -> Reason.BAD_HEX_ESCAPE;
            case BAD_UNICODE_ESCAPE -> Reason.BAD_UNICODE_ESCAPE;
            case TRAILING_BACKSLASH -> Reason.TRAILING_BACKSLASH;
            case UNMAPPABLE -> Reason.UNMAPPABLE;
        };
        this.position = cause.position();
        this.offending = Objects.requireNonNull(cause.offending());
        this.charsetName = cause.charsetName();
    }

    PayloadException(Reason reason, int position, String offending) {
        super(reason + " at " + position + ": " + offending);
        this.reason = reason;
        this.position = position;
        this.offending = offending;
        this.charsetName = null;
    }

    private PayloadException(PayloadException at, int shift) {
        super(at.getMessage(), at.getCause());
        this.reason = at.reason;
        this.position = at.position + shift;
        this.offending = at.offending;
        this.charsetName = at.charsetName;
    }

    /** The same problem, {@code shift} characters further into the typed text (a piece of it was parsed). */
    PayloadException shifted(int shift) {
        return shift == 0 ? this : new PayloadException(this, shift);
    }

    public Reason reason() {
        return reason;
    }

    /** 0-based char index into the typed text. */
    public int position() {
        return position;
    }

    /** The characters at fault, as typed. */
    public String offending() {
        return offending;
    }

    /** The encoding, for {@link Reason#UNMAPPABLE}; null otherwise. */
    public String charsetName() {
        return charsetName;
    }
}
