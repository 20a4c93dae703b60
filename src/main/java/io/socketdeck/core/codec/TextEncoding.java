package io.socketdeck.core.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Text to bytes for sending, strictly: a character the encoding cannot represent is an error at
 * its position, never a '?' on the wire (what {@link String#getBytes(Charset)} would do).
 */
public final class TextEncoding {

    private TextEncoding() {
    }

    /**
     * @throws TextEncodingException {@link TextEncodingException.Reason#UNMAPPABLE} at the first
     *                               character {@code charset} cannot encode
     */
    public static byte[] encode(String text, Charset charset) throws TextEncodingException {
        if (AsciiCompatible.test(charset) && AsciiCompatible.isAscii(text)) {
            return text.getBytes(StandardCharsets.ISO_8859_1); // a reply, a line end: the common case, without an encoder
        }
        PositionedEncoder encoder = new PositionedEncoder(text, charset);
        encoder.appendLiteral(text, 0);
        return encoder.finish();
    }
}
