package io.socketdeck.core.codec;

import java.util.Objects;

/**
 * Typed text that cannot become the bytes the user meant: a malformed escape, or a character the
 * chosen encoding cannot represent. Checked, because bad input is an expected outcome of a text
 * field. The message is English for logs; the UI builds its own localised text from
 * {@link #reason()}, {@link #position()}, {@link #offending()} and {@link #charsetName()}.
 */
public final class TextEncodingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the input. */
    public enum Reason {
        /** A backslash followed by a letter that is not one of {@code r n t \ 0 x u}. */
        UNKNOWN_ESCAPE,
        /** {@code \x} not followed by exactly two hex digits. */
        BAD_HEX_ESCAPE,
        /** <code>&#92;u</code> not followed by four hex digits. */
        BAD_UNICODE_ESCAPE,
        /** The text ends with a lone backslash. */
        TRAILING_BACKSLASH,
        /**
         * The encoding has no bytes for this character (or it is half of a surrogate pair): sending
         * it would put a '?' on the wire, so it is refused instead.
         */
        UNMAPPABLE
    }

    private final Reason reason;
    private final int position;
    private final String offending;
    private final String charsetName;

    /**
     * @param position    0-based char index into the typed text where the problem starts
     * @param offending   the escape or character as typed
     * @param charsetName the encoding, for {@link Reason#UNMAPPABLE}; null otherwise
     */
    public TextEncodingException(Reason reason, int position, String offending, String charsetName) {
        super(describe(reason, position, offending, charsetName));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.position = position;
        this.offending = Objects.requireNonNull(offending, "offending");
        this.charsetName = charsetName;
    }

    public Reason reason() {
        return reason;
    }

    /** 0-based char index into the typed text. */
    public int position() {
        return position;
    }

    /** The escape or character as the user typed it. */
    public String offending() {
        return offending;
    }

    /** The encoding that could not represent the character, or null when the problem is an escape. */
    public String charsetName() {
        return charsetName;
    }

    private static String describe(Reason reason, int position, String offending, String charsetName) {
        return switch (reason) {
            case UNKNOWN_ESCAPE -> "unknown escape \"" + offending + "\" at position " + position;
            case BAD_HEX_ESCAPE -> "\\x needs two hex digits: \"" + offending + "\" at position " + position;
            case BAD_UNICODE_ESCAPE -> "\\u needs four hex digits: \"" + offending + "\" at position " + position;
            case TRAILING_BACKSLASH -> "lone backslash at the end, position " + position;
            case UNMAPPABLE -> "\"" + offending + "\" at position " + position + " cannot be encoded in " + charsetName;
        };
    }
}
