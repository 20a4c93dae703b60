package io.socketdeck.core.codec;

import io.socketdeck.core.codec.TextEncodingException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Backslash escapes in typed text, both ways: {@link #encode} turns what the user typed into bytes,
 * {@link #format} turns bytes back into text that {@link #encode} reads as the same bytes.
 *
 * <p>Escapes: {@code \r \n \t \\ \0} (carriage return, line feed, tab, backslash, NUL),
 * {@code \xNN} and <code>&#92;uNNNN</code>. How they mix with the encoding:
 * <ul>
 *   <li>Text and the character escapes (<code>\r \n \t \\ \0 &#92;uNNNN</code>) are characters, encoded in
 *       the chosen charset: in UTF-16LE {@code \n} is {@code 0A 00}, in UTF-8 <code>&#92;u4F60</code> is
 *       {@code E4 BD A0}. Two <code>&#92;u</code> escapes that form a surrogate pair are one code point.</li>
 *   <li>{@code \xNN} is one raw byte, inserted between the encoded pieces as it is, whatever the
 *       charset: it is how a user puts a byte that is not a character (a frame header, a checksum
 *       typed by hand, an invalid UTF-8 byte) into a text message.</li>
 *   <li>{@code \0} is NUL alone: {@code \012} is NUL followed by "12", not an octal escape.</li>
 * </ul>
 * A backslash before any other character, a short {@code \x} or <code>&#92;u</code>, and a backslash at the
 * very end are errors at the backslash's position.
 */
public final class EscapeText {

    private EscapeText() {
    }

    /**
     * Encodes {@code text} in {@code charset}, resolving escapes as described above.
     *
     * @throws TextEncodingException at the first malformed escape or unencodable character from the left
     */
    public static byte[] encode(String text, Charset charset) throws TextEncodingException {
        PositionedEncoder encoder = new PositionedEncoder(text, charset);
        Piece piece = new Piece(Math.min(text.length(), 1024));
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c != '\\') {
                piece.add(c, i, i + 1);
                i++;
                continue;
            }
            if (i + 1 == length) {
                throw new TextEncodingException(Reason.TRAILING_BACKSLASH, i, "\\", null);
            }
            char kind = text.charAt(i + 1);
            switch (kind) {
                case 'r' -> piece.add('\r', i, i + 2);
                case 'n' -> piece.add('\n', i, i + 2);
                case 't' -> piece.add('\t', i, i + 2);
                case '\\' -> piece.add('\\', i, i + 2);
                case '0' -> piece.add('\0', i, i + 2);
                case 'x' -> {
                    int value = hexDigits(text, i + 2, 2);
                    if (value < 0) {
                        throw new TextEncodingException(Reason.BAD_HEX_ESCAPE, i, escapeAt(text, i, 4), null);
                    }
                    piece.flushTo(encoder);
                    encoder.appendRaw((byte) value);
                    i += 4;
                    continue;
                }
                case 'u' -> {
                    int value = hexDigits(text, i + 2, 4);
                    if (value < 0) {
                        throw new TextEncodingException(Reason.BAD_UNICODE_ESCAPE, i, escapeAt(text, i, 6), null);
                    }
                    piece.add((char) value, i, i + 6);
                    i += 6;
                    continue;
                }
                default -> throw new TextEncodingException(Reason.UNKNOWN_ESCAPE, i,
                        "\\" + new String(Character.toChars(text.codePointAt(i + 1))), null);
            }
            i += 2;
        }
        piece.flushTo(encoder);
        return encoder.finish();
    }

    /**
     * Bytes as escaped text on one line: characters of {@code charset} as themselves, a backslash
     * as {@code \\}, line breaks, tabs and NUL as {@code \r \n \t \0}, other control and format
     * characters as {@code \xNN} (ASCII-compatible charsets) or <code>&#92;uNNNN</code>, and bytes that are
     * not a whole character in {@code charset} as {@code \xNN}. Nothing is lost:
     * {@code encode(format(b, cs), cs)} gives {@code b} back for the stateless charsets the UI offers.
     */
    public static String format(byte[] bytes, int offset, int length, Charset charset) {
        StringBuilder text = new StringBuilder(length + 16);
        boolean asciiCompatible = AsciiCompatible.test(charset);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(Math.max(16, Math.min(length, 8192)));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            drain(out, text, asciiCompatible);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isError()) {
                for (int n = 0; n < result.length(); n++) {
                    appendHexEscape(text, in.get());
                }
            }
        }
        while (decoder.flush(out).isOverflow()) {
            drain(out, text, asciiCompatible);
        }
        drain(out, text, asciiCompatible);
        return text.toString();
    }

    /** Same as {@link #format(byte[], int, int, Charset)} for the whole array. */
    public static String format(byte[] bytes, Charset charset) {
        return format(bytes, 0, bytes.length, charset);
    }

    private static void drain(CharBuffer out, StringBuilder text, boolean asciiCompatible) {
        out.flip();
        while (out.hasRemaining()) {
            appendChar(text, out.get(), asciiCompatible);
        }
        out.clear();
    }

    private static void appendChar(StringBuilder text, char c, boolean asciiCompatible) {
        switch (c) {
            case '\\' -> text.append("\\\\");
            case '\r' -> text.append("\\r");
            case '\n' -> text.append("\\n");
            case '\t' -> text.append("\\t");
            case '\0' -> text.append("\\0");
            default -> {
                if (!needsEscape(c)) {
                    text.append(c);
                } else if (asciiCompatible && c < 0x80) {
                    appendHexEscape(text, (byte) c);
                } else {
                    text.append("\\u").append(HexFormatter.compact(new byte[] {(byte) (c >> 8), (byte) c}));
                }
            }
        }
    }

    /** Characters that would break the one-line form or be invisible: controls, format and line separators. */
    private static boolean needsEscape(char c) {
        if (Character.isISOControl(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static void appendHexEscape(StringBuilder text, byte value) {
        text.append("\\x").append(HexFormatter.compact(new byte[] {value}));
    }

    /** True when every ASCII character is the one byte of the same value, so {@code \xNN} is that character. */

    /** The value of exactly {@code count} hex digits at {@code from}, or -1. */
    private static int hexDigits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = hexValue(text.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String escapeAt(String text, int start, int maxLength) {
        return text.substring(start, Math.min(text.length(), start + maxLength));
    }

    /** The characters collected since the last raw byte, with where each came from. */
    private static final class Piece implements PositionedEncoder.SourceMap {
        private final StringBuilder chars;
        private int[] starts;
        private int[] ends;

        Piece(int capacity) {
            chars = new StringBuilder(Math.max(16, capacity));
            starts = new int[Math.max(16, capacity)];
            ends = new int[Math.max(16, capacity)];
        }

        void add(char c, int start, int end) {
            int n = chars.length();
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            chars.append(c);
            starts[n] = start;
            ends[n] = end;
        }

        void flushTo(PositionedEncoder encoder) throws TextEncodingException {
            if (chars.length() > 0) {
                encoder.appendChars(chars, this);
                chars.setLength(0);
            }
        }

        @Override
        public int start(int index) {
            return starts[index];
        }

        @Override
        public int end(int index) {
            return ends[index];
        }
    }
}
