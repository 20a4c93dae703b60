package io.socketdeck.core.send;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How the send box's text becomes bytes: the switches next to it.
 *
 * @param hex        the text is hex ({@code 48 65 6C}); {@code charset} and {@code escapes} are then unused
 * @param charset    the text encoding
 * @param escapes    backslash escapes are resolved (see {@link io.socketdeck.core.codec.EscapeText})
 * @param lineEnding appended last
 * @param checksum   appended after the encoded payload, before the line ending
 */
public record PayloadOptions(boolean hex, Charset charset, boolean escapes, LineEnding lineEnding, Checksum checksum) {

    /** Plain UTF-8 text, nothing appended. */
    public static final PayloadOptions DEFAULT = new PayloadOptions(false, StandardCharsets.UTF_8, false,
            LineEnding.NONE, Checksum.NONE);

    public PayloadOptions {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(lineEnding, "lineEnding");
        Objects.requireNonNull(checksum, "checksum");
    }

    public static PayloadOptions text(Charset charset) {
        return DEFAULT.withCharset(charset);
    }

    public static PayloadOptions hexBytes() {
        return DEFAULT.withHex(true);
    }

    public PayloadOptions withHex(boolean on) {
        return new PayloadOptions(on, charset, escapes, lineEnding, checksum);
    }

    public PayloadOptions withCharset(Charset value) {
        return new PayloadOptions(hex, value, escapes, lineEnding, checksum);
    }

    public PayloadOptions withEscapes(boolean on) {
        return new PayloadOptions(hex, charset, on, lineEnding, checksum);
    }

    public PayloadOptions withLineEnding(LineEnding value) {
        return new PayloadOptions(hex, charset, escapes, value, checksum);
    }

    public PayloadOptions withChecksum(Checksum value) {
        return new PayloadOptions(hex, charset, escapes, lineEnding, value);
    }
}
