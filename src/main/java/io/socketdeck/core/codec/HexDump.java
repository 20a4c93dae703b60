package io.socketdeck.core.codec;

import java.util.Objects;

/**
 * The classic hex dump ({@code hexdump -C} layout, upper-case digits), for the log's dump view and
 * saved logs:
 * <pre>
 * 00000000  48 65 6C 6C 6F 2C 20 77  6F 72 6C 64 0D 0A 00 FF  |Hello, world....|
 * 00000010  41 42                                             |AB|
 * </pre>
 * An 8-digit hex offset, 16 bytes in two groups of 8, then the bytes as ASCII between bars with
 * '.' for anything outside 0x20..0x7E. The last line's hex column is padded so the ASCII column
 * lines up; every line ends with '\n'; no bytes give an empty string.
 */
public final class HexDump {

    public static final int BYTES_PER_LINE = 16;
    /** Characters in one full line, not counting the '\n'. */
    public static final int LINE_LENGTH = 8 + 1 + BYTES_PER_LINE * 3 + 1 + "  |".length() + BYTES_PER_LINE + 1;

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private HexDump() {
    }

    public static String format(byte[] bytes) {
        return format(bytes, 0, bytes.length, 0);
    }

    /**
     * Dumps {@code length} bytes from {@code offset}, numbering them from {@code firstOffset}
     * (e.g. the position of this read in its stream).
     */
    public static String format(byte[] bytes, int offset, int length, long firstOffset) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int lines = (length + BYTES_PER_LINE - 1) / BYTES_PER_LINE;
        StringBuilder out = new StringBuilder(lines * (LINE_LENGTH + 1));
        for (int line = 0; line < lines; line++) {
            int start = offset + line * BYTES_PER_LINE;
            appendLine(out, bytes, start, Math.min(BYTES_PER_LINE, offset + length - start),
                    firstOffset + (long) line * BYTES_PER_LINE);
        }
        return out.toString();
    }

    /** Appends one line for up to 16 bytes, ending with '\n'. */
    public static void appendLine(StringBuilder out, byte[] bytes, int start, int count, long lineOffset) {
        if (count < 0 || count > BYTES_PER_LINE) {
            throw new IllegalArgumentException("a line holds 0 to 16 bytes: " + count);
        }
        for (int shift = 28; shift >= 0; shift -= 4) {
            out.append(DIGITS[(int) (lineOffset >>> shift) & 0x0F]);
        }
        out.append(' ');
        for (int i = 0; i < BYTES_PER_LINE; i++) {
            out.append(' ');
            if (i == BYTES_PER_LINE / 2) {
                out.append(' ');
            }
            if (i < count) {
                int b = bytes[start + i] & 0xFF;
                out.append(DIGITS[b >>> 4]).append(DIGITS[b & 0x0F]);
            } else {
                out.append("  ");
            }
        }
        out.append("  |");
        for (int i = 0; i < count; i++) {
            int b = bytes[start + i] & 0xFF;
            out.append(b >= 0x20 && b <= 0x7E ? (char) b : '.');
        }
        out.append("|\n");
    }
}
