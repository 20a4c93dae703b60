package io.socketdeck.core.log;

import io.socketdeck.core.codec.HexFormatException;
import io.socketdeck.core.codec.HexParser;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides whether a log entry's bytes match what the user searches for: a text (in the log's
 * encoding, optionally ignoring case) or a hex byte sequence ({@code 0D 0A}, {@code 0x7E}), which is
 * looked for in the raw bytes whatever the encoding. An empty pattern matches every entry.
 *
 * <p>Each entry is matched on its own: a text split across two reads is not found. Immutable and
 * thread-safe, so a filter can run off the UI thread.
 */
public final class LogMatcher {

    private final Pattern text;
    private final Charset charset;
    private final byte[] bytes;

    private LogMatcher(Pattern text, Charset charset, byte[] bytes) {
        this.text = text;
        this.charset = charset;
        this.bytes = bytes;
    }

    /** Matches entries whose bytes, decoded in {@code charset}, contain {@code pattern} literally. */
    public static LogMatcher text(String pattern, Charset charset, boolean ignoreCase) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(charset, "charset");
        int flags = Pattern.LITERAL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return new LogMatcher(Pattern.compile(pattern, flags), charset, null);
    }

    /**
     * Matches entries whose bytes contain the bytes {@code hexPattern} stands for.
     *
     * @throws HexFormatException when the pattern is not hex, with the position for the search field
     */
    public static LogMatcher hex(String hexPattern) throws HexFormatException {
        return new LogMatcher(null, null, HexParser.parse(hexPattern));
    }

    public boolean matches(byte[] payload) {
        return matches(payload, 0, payload.length);
    }

    /** True when {@code length} bytes of {@code payload} from {@code offset} contain the pattern. */
    public boolean matches(byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (bytes != null) {
            return indexOf(payload, offset, length, bytes) >= 0;
        }
        if (text.pattern().isEmpty()) {
            return true;
        }
        // Undecodable bytes become U+FFFD: they cannot be part of a typed text anyway.
        return text.matcher(new String(payload, offset, length, charset)).find();
    }

    private static int indexOf(byte[] haystack, int offset, int length, byte[] needle) {
        if (needle.length == 0) {
            return offset;
        }
        byte first = needle[0];
        int last = offset + length - needle.length;
        outer:
        for (int i = offset; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
