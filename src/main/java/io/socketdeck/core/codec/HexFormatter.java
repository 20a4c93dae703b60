package io.socketdeck.core.codec;

import java.util.Objects;

/**
 * Writes bytes as upper-case hex for the log and the send box. The log formats every read it shows,
 * so this uses a lookup table and one char array instead of String.format per byte.
 */
public final class HexFormatter {

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    /** Longest input whose spaced form still fits in a char array. */
    private static final int MAX_SPACED_BYTES = (Integer.MAX_VALUE - 8) / 3;

    private HexFormatter() {
    }

    /** {@code {0x48, 0x65, 0x6C}} becomes {@code "48 65 6C"}. */
    public static String format(byte[] bytes) {
        return format(bytes, 0, bytes.length);
    }

    /** Like {@link #format(byte[])} for {@code length} bytes from {@code offset}. */
    public static String format(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return "";
        }
        if (length > MAX_SPACED_BYTES) {
            throw new IllegalArgumentException("too many bytes to format: " + length);
        }
        char[] out = new char[length * 3 - 1];
        int o = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (o > 0) {
                out[o++] = ' ';
            }
            int b = bytes[i] & 0xFF;
            out[o++] = DIGITS[b >>> 4];
            out[o++] = DIGITS[b & 0x0F];
        }
        return new String(out);
    }

    /**
     * The first {@code maxBytes} bytes, formatted like {@link #format(byte[])}. No ellipsis is added:
     * the caller knows whether it wants one and in which style.
     */
    public static String formatPreview(byte[] bytes, int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        return format(bytes, 0, Math.min(bytes.length, maxBytes));
    }

    /** {@code {0x48, 0x65, 0x6C}} becomes {@code "48656C"}, for places where spaces would get in the way. */
    public static String compact(byte[] bytes) {
        if (bytes.length > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many bytes to format: " + bytes.length);
        }
        char[] out = new char[bytes.length * 2];
        int o = 0;
        for (byte value : bytes) {
            int b = value & 0xFF;
            out[o++] = DIGITS[b >>> 4];
            out[o++] = DIGITS[b & 0x0F];
        }
        return new String(out);
    }
}
