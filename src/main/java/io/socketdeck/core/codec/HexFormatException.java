package io.socketdeck.core.codec;

import java.util.Objects;

/**
 * Typed hex that is not a whole number of bytes. Checked, because bad input is an expected outcome of
 * a text field, not a bug. The message is English for logs; the UI builds its own localised text
 * from {@link #reason()}, {@link #position()} and {@link #offending()}.
 */
public final class HexFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the input. */
    public enum Reason {
        /** A run of hex digits without separators has an odd length, so one digit has no partner. */
        ODD_DIGITS,
        /** A character that is neither a hex digit, a separator nor part of a {@code 0x} prefix. */
        INVALID_CHARACTER
    }

    private final Reason reason;
    private final int position;
    private final String offending;

    /**
     * @param position  0-based char index into the input: the invalid character, or the first digit
     *                  of the odd run
     * @param offending the invalid character, or the whole odd run of digits
     */
    public HexFormatException(Reason reason, int position, String offending) {
        super(describe(reason, position, offending));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.position = position;
        this.offending = Objects.requireNonNull(offending, "offending");
    }

    public Reason reason() {
        return reason;
    }

    /** 0-based char index into the parsed text. */
    public int position() {
        return position;
    }

    /** The invalid character, or the odd run of digits. */
    public String offending() {
        return offending;
    }

    private static String describe(Reason reason, int position, String offending) {
        return switch (reason) {
            case ODD_DIGITS -> "odd number of hex digits \"" + offending + "\" at position " + position;
            case INVALID_CHARACTER -> "invalid character '" + offending + "' at position " + position;
        };
    }
}
