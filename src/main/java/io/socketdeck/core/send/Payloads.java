package io.socketdeck.core.send;

import io.socketdeck.core.codec.EscapeText;
import io.socketdeck.core.codec.HexFormatException;
import io.socketdeck.core.codec.HexParser;
import io.socketdeck.core.codec.TextEncoding;
import io.socketdeck.core.codec.TextEncodingException;

/**
 * Turns what the user typed into the bytes that go on the wire, in this order:
 * <ol>
 *   <li>the payload: hex parsed by {@link HexParser}, or text encoded in the charset, with escapes
 *       resolved by {@link EscapeText} when they are on;</li>
 *   <li>the checksum, computed over exactly those payload bytes;</li>
 *   <li>the line ending, last, not covered by the checksum.</li>
 * </ol>
 * The line ending goes after the checksum because it is the frame's terminator: a device that reads
 * lines then gets the checksum inside the line it checks, and the issue defines the checksum as
 * covering "the payload bytes after encoding", of which the terminator is not part. For a text
 * message the line ending is encoded in the same charset (UTF-16 line endings are two bytes); for
 * hex it is ASCII.
 *
 * <p>An empty result is returned as it is: whether to send nothing is the caller's decision.
 */
public final class Payloads {

    private Payloads() {
    }

    public static byte[] build(String text, PayloadOptions options) throws PayloadException {
        String input = text == null ? "" : text;
        byte[] payload;
        if (options.hex()) {
            try {
                payload = HexParser.parse(input);
            } catch (HexFormatException e) {
                throw new PayloadException(e);
            }
        } else {
            try {
                payload = options.escapes()
                        ? EscapeText.encode(input, options.charset())
                        : TextEncoding.encode(input, options.charset());
            } catch (TextEncodingException e) {
                throw new PayloadException(e);
            }
        }
        byte[] withChecksum = options.checksum().append(payload);
        return appendLineEnding(withChecksum, options);
    }

    private static byte[] appendLineEnding(byte[] bytes, PayloadOptions options) {
        if (options.lineEnding() == LineEnding.NONE) {
            return bytes;
        }
        byte[] ending;
        if (options.hex()) {
            ending = options.lineEnding().asciiBytes();
        } else {
            try {
                ending = TextEncoding.encode(options.lineEnding().text(), options.charset());
            } catch (TextEncodingException e) {
                // Every charset the UI offers has CR and LF; one that has not would be a programming error.
                throw new IllegalArgumentException(options.charset() + " cannot encode a line ending", e);
            }
        }
        byte[] out = new byte[bytes.length + ending.length];
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        System.arraycopy(ending, 0, out, bytes.length, ending.length);
        return out;
    }
}
