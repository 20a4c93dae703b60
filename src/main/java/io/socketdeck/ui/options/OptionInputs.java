package io.socketdeck.ui.options;

import java.util.Locale;

/** Reads what was typed in an option's field: a number in range, or "empty" for the system's value. */
final class OptionInputs {

    /** Not a valid value. */
    static final int INVALID = Integer.MIN_VALUE;

    private OptionInputs() {
    }

    /**
     * A byte count: digits, optionally followed by K or M (KiB, MiB); {@code empty} for an empty
     * field; {@link #INVALID} when not a size from 1 to {@code max}.
     */
    static int bytes(String text, int empty, int max) {
        String trimmed = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        if (trimmed.isEmpty()) {
            return empty;
        }
        long unit = 1;
        char last = Character.toUpperCase(trimmed.charAt(trimmed.length() - 1));
        if (last == 'K' || last == 'M') {
            unit = last == 'K' ? 1024 : 1024 * 1024;
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        long value = digits(trimmed);
        return value < 1 || value * unit > max ? INVALID : (int) (value * unit);
    }

    /** Whole number {@code min..max}; {@code empty} for an empty field; {@link #INVALID} otherwise. */
    static int number(String text, int empty, int min, int max) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return empty;
        }
        long value = digits(trimmed);
        return value < min || value > max ? INVALID : (int) value;
    }

    /** A TOS byte: decimal or 0x hex, 0..255; {@code empty} for an empty field. */
    static int tos(String text, int empty) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            return empty;
        }
        long value;
        if (trimmed.startsWith("0x")) {
            String hex = trimmed.substring(2);
            value = hex.isEmpty() || hex.length() > 2 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                    ? -1 : Long.parseLong(hex, 16);
        } else {
            value = digits(trimmed);
        }
        return value < 0 || value > 255 ? INVALID : (int) value;
    }

    /** ASCII digits only, at most 10 of them; -1 otherwise. */
    private static long digits(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(text);
    }
}
