package io.socketdeck.core.codec;

import java.nio.charset.Charset;

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
        PositionedEncoder encoder = new PositionedEncoder(text, charset);
        encoder.appendLiteral(text, 0);
        return encoder.finish();
    }
}
