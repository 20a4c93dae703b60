package io.socketdeck.ui.common;

/** Reads a whole number a user typed into a field. */
public final class Numbers {

    private Numbers() {
    }

    /** The value, or -1 when the text is not digits only or is outside {@code min..max}. */
    public static long parse(String text, long min, long max) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 18 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long value = Long.parseLong(trimmed);
        return value >= min && value <= max ? value : -1;
    }
}
