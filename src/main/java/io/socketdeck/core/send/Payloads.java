package io.socketdeck.core.send;

import io.socketdeck.core.codec.EscapeText;
import io.socketdeck.core.codec.HexFormatException;
import io.socketdeck.core.codec.HexParser;
import io.socketdeck.core.codec.TextEncoding;
import io.socketdeck.core.codec.TextEncodingException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

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

    /** Builds {@code text} with no counter and no request (see {@link MacroValues#NONE}). */
    public static byte[] build(String text, PayloadOptions options) throws PayloadException {
        return build(text, options, MacroValues.NONE);
    }

    /** Builds {@code text}, its {@link Macros macros} replaced by {@code values}. */
    public static byte[] build(String text, PayloadOptions options, MacroValues values) throws PayloadException {
        return build(Macros.parse(text == null ? "" : text), options, values);
    }

    /** Builds a payload parsed once (a repeat builds it again at each send, for new macro values). */
    public static byte[] build(Macros.Template template, PayloadOptions options, MacroValues values)
            throws PayloadException {
        long counter = Macros.counterFor(template, values);
        byte[] payload = options.hex() ? hex(template, values, counter) : text(template, options, values, counter);
        byte[] withChecksum = options.checksum().append(payload);
        return appendLineEnding(withChecksum, options);
    }

    /** Hex: macros become hex digits (raw bytes) or the text the hex parser reads (a counter, a time). */
    private static byte[] hex(Macros.Template template, MacroValues values, long counter) throws PayloadException {
        StringBuilder expanded = new StringBuilder();
        List<int[]> starts = new ArrayList<>(); // {position in expanded, position typed, 1 for a literal}
        for (Macros.Piece piece : template.pieces()) {
            starts.add(new int[] {expanded.length(), piece.start(), piece instanceof Macros.Literal ? 1 : 0});
            if (piece instanceof Macros.Literal literal) {
                expanded.append(literal.text());
            } else {
                Object value = Macros.value((Macros.Macro) piece, values, counter);
                expanded.append(value instanceof byte[] bytes ? " " + Macros.asHex(bytes) + " " : value);
            }
        }
        try {
            return HexParser.parse(expanded.toString());
        } catch (HexFormatException e) {
            PayloadException problem = new PayloadException(e);
            int[] at = starts.get(0);
            for (int[] start : starts) {
                if (start[0] <= e.position()) {
                    at = start;
                }
            }
            // Within typed text the position moves with it; within a macro it is the macro's.
            return rethrow(problem.shifted(at[2] == 1 ? at[1] - at[0] : at[1] - e.position()));
        }
    }

    private static byte[] rethrow(PayloadException problem) throws PayloadException {
        throw problem;
    }

    /** Text: typed runs encoded with escapes as set, text macros encoded plain, byte macros as they are. */
    private static byte[] text(Macros.Template template, PayloadOptions options, MacroValues values, long counter)
            throws PayloadException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Macros.Piece piece : template.pieces()) {
            try {
                if (piece instanceof Macros.Literal literal) {
                    out.writeBytes(options.escapes() ? EscapeText.encode(literal.text(), options.charset())
                            : TextEncoding.encode(literal.text(), options.charset()));
                } else {
                    Object value = Macros.value((Macros.Macro) piece, values, counter);
                    out.writeBytes(value instanceof byte[] bytes ? bytes
                            : TextEncoding.encode((String) value, options.charset()));
                }
            } catch (TextEncodingException e) {
                int shift = piece instanceof Macros.Literal ? piece.start() : piece.start() - e.position();
                throw new PayloadException(e).shifted(shift);
            }
        }
        return out.toByteArray();
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
