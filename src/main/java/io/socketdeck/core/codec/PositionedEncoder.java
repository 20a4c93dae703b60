package io.socketdeck.core.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Encodes text in pieces with one {@link CharsetEncoder}, with raw bytes allowed between the pieces,
 * and reports a character the encoding cannot represent at its position in what the user typed.
 *
 * <p>One encoder for the whole payload rather than one per piece, so an encoding that writes a
 * byte-order mark or keeps shift state does so once, as it would for the text in one go.
 */
final class PositionedEncoder {

    /** Where each char of a piece came from in the typed text: [start, end) of the char or its escape. */
    interface SourceMap {
        int start(int index);

        int end(int index);
    }

    private static final SourceMap IDENTITY = new SourceMap() {
        @Override
        public int start(int index) {
            return index;
        }

        @Override
        public int end(int index) {
            return index + 1;
        }
    };

    private final String source;
    private final Charset charset;
    private final CharsetEncoder encoder;
    private ByteBuffer out;
    private int lastSourceEnd;

    /** @param source the typed text, for the offending part of an error */
    PositionedEncoder(String source, Charset charset) {
        this.source = source;
        this.charset = charset;
        this.encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.out = ByteBuffer.allocate(Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8,
                (long) source.length() * (long) Math.ceil(encoder.averageBytesPerChar()) + 8)));
    }

    /** Encodes chars typed as themselves, where char {@code i} of {@code chars} is char {@code offset + i} of the source. */
    void appendLiteral(CharSequence chars, int offset) throws TextEncodingException {
        appendChars(chars, offset == 0 ? IDENTITY : new SourceMap() {
            @Override
            public int start(int index) {
                return offset + index;
            }

            @Override
            public int end(int index) {
                return offset + index + 1;
            }
        });
    }

    /**
     * Encodes one piece of text. The piece is complete: a high surrogate at its end has no partner
     * and is refused rather than carried into the next piece across a raw byte.
     */
    void appendChars(CharSequence chars, SourceMap map) throws TextEncodingException {
        CharBuffer in = CharBuffer.wrap(chars);
        while (true) {
            CoderResult result = encoder.encode(in, out, false);
            if (result.isOverflow()) {
                grow(Math.max(16, in.remaining() * 2));
            } else if (result.isUnderflow()) {
                break;
            } else {
                throw unmappable(map, in.position(), result.length());
            }
        }
        if (in.hasRemaining()) {
            throw unmappable(map, in.position(), in.remaining());
        }
        if (chars.length() > 0) {
            lastSourceEnd = map.end(chars.length() - 1);
        }
    }

    /** Appends one byte as it is, between encoded pieces. */
    void appendRaw(byte value) {
        if (!out.hasRemaining()) {
            grow(16);
        }
        out.put(value);
    }

    /** Ends the encoding (flushing any state the encoding keeps) and returns every byte. */
    byte[] finish() throws TextEncodingException {
        CharBuffer empty = CharBuffer.allocate(0);
        CoderResult result;
        while ((result = encoder.encode(empty, out, true)).isOverflow()) {
            grow(16);
        }
        if (result.isError()) {
            throw new TextEncodingException(TextEncodingException.Reason.UNMAPPABLE, lastSourceEnd,
                    "", charset.name());
        }
        while (encoder.flush(out).isOverflow()) {
            grow(16);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private TextEncodingException unmappable(SourceMap map, int index, int length) {
        int start = map.start(index);
        int end = map.end(index + Math.max(1, length) - 1);
        return new TextEncodingException(TextEncodingException.Reason.UNMAPPABLE, start,
                source.substring(start, Math.min(end, source.length())), charset.name());
    }

    private void grow(int atLeast) {
        long wanted = Math.max((long) out.capacity() * 2, (long) out.capacity() + atLeast);
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("payload too large to encode");
        }
        ByteBuffer bigger = ByteBuffer.allocate((int) wanted);
        out.flip();
        bigger.put(out);
        out = bigger;
    }
}
