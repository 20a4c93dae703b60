package io.socketdeck.core.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns the reads of one byte stream into text, in one charset.
 *
 * <p>TCP delivers bytes in pieces that ignore character boundaries: a GBK or UTF-8 character often
 * arrives half in one read and half in the next. Decoding each read on its own would show two
 * replacement marks where one character was sent. This decoder keeps the incomplete bytes at the end
 * of a read and puts them in front of the next one, so a character split at any byte decodes whole.
 *
 * <p>Bytes that are not valid in the charset become U+FFFD, so a wrong charset choice is visible in
 * the log instead of throwing. Use one instance per stream and charset; it is not thread-safe and is
 * meant to stay on the thread that reads the stream.
 */
public final class StreamTextDecoder {

    /** Replacement for bytes the charset cannot decode, visible in the log as a question mark box. */
    static final String REPLACEMENT = "\uFFFD";

    /** Size of the reused output buffer; bigger reads are decoded in several rounds. */
    private static final int CHUNK_CHARS = 8192;

    /** How many bytes of a read are borrowed to finish the carried-over bytes (a character is at most 4). */
    private static final int BRIDGE_BYTES = 16;

    private final Charset charset;
    private final CharsetDecoder decoder;
    private final boolean utf8FastPath;
    /** See {@link #boundaryBelow(Charset)}. */
    private final int boundaryBelow;
    private final CharBuffer chunk = CharBuffer.allocate(CHUNK_CHARS);
    private byte[] pending = new byte[8];
    private int pendingLength;

    public StreamTextDecoder(Charset charset) {
        this(charset, true);
    }

    /**
     * @param allowUtf8FastPath false forces UTF-8 through the generic CharsetDecoder path, so tests can
     *                          check that both paths agree
     */
    StreamTextDecoder(Charset charset, boolean allowUtf8FastPath) {
        this.charset = Objects.requireNonNull(charset, "charset");
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT);
        this.utf8FastPath = allowUtf8FastPath && StandardCharsets.UTF_8.equals(charset);
        this.boundaryBelow = boundaryBelow(charset);
    }

    /**
     * For charsets where every byte below the result begins a character whatever precedes it
     * (the JDK's decoders end a malformed lead byte before such a byte), else 0. GB18030 is left
     * out: its four-byte sequences use digits as second and fourth bytes.
     */
    static int boundaryBelow(Charset charset) {
        return switch (charset.name()) {
            case "GBK", "Big5" -> 0x40;
            case "ISO-8859-1", "US-ASCII" -> 0x100;
            default -> 0;
        };
    }

    public Charset charset() {
        return charset;
    }

    /** Same as {@link #decode(byte[], int, int)} for the whole array. */
    public String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes the next read of the stream.
     *
     * @return the text of every character completed by these bytes (and any carried over); bytes of
     *         a character that is not complete yet are kept for the next call
     */
    public String decode(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        TextCollector text = new TextCollector(expectedChars(length));
        consume(bytes, offset, length, text);
        return text.text();
    }

    /**
     * Decodes the next read of the stream like {@link #decode(byte[], int, int)}, including what is
     * carried over to the next call, but returns only the start of the text. The log shows a preview
     * of large reads; building a String of all 64 KiB only to cut it would waste the time the
     * preview exists to save. For UTF-8 the bytes past the preview are not decoded at all.
     *
     * @param maxChars at most this many chars are returned; fewer if the cut would split a surrogate pair
     */
    public DecodedPreview decodePreview(byte[] bytes, int offset, int length, int maxChars) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        PreviewCollector preview = new PreviewCollector(maxChars);
        consume(bytes, offset, length, preview);
        return preview.result();
    }

    /**
     * Decodes one self-contained message, such as a UDP datagram, like
     * {@link #decodePreview(byte[], int, int, int)} but with nothing carried in from an earlier call
     * and nothing carried out to a later one: an incomplete character at the end of the message
     * shows as a replacement mark, because no later bytes will ever complete it. The decoder is
     * ready for the next message afterwards, so one instance serves any number of messages.
     */
    public DecodedPreview decodeWholePreview(byte[] bytes, int offset, int length, int maxChars) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (pendingLength != 0) {
            reset();
        }
        if (utf8FastPath && length <= maxChars) {
            // The common datagram: short UTF-8 (or ASCII). A byte yields at most one char, so it fits
            // the preview whole, and the JDK's String decoding replaces malformed input, a cut tail
            // included, exactly like decode-then-flush (see StreamTextDecoderUtf8FastPathTest): one
            // pass, one String, at hundreds of thousands of datagrams a second.
            return new DecodedPreview(new String(bytes, offset, length, StandardCharsets.UTF_8), false);
        }
        DecodedPreview head = decodePreview(bytes, offset, length, maxChars);
        if (pendingLength == 0) {
            return head;
        }
        String tail = flush(); // also resets for the next message
        if (head.truncated()) {
            return head;
        }
        int room = maxChars - head.text().length();
        // The tail is replacement marks only: single chars, so any cut is safe.
        return tail.length() <= room ? new DecodedPreview(head.text() + tail, false)
                : new DecodedPreview(head.text() + tail.substring(0, room), true);
    }

    /**
     * Ends the stream: bytes still waiting for the rest of their character will never get it, so
     * they become replacement text. The decoder is then ready for a new stream.
     *
     * @return the replacement text for leftover bytes, or "" when nothing was left over
     */
    public String flush() {
        TextCollector text = new TextCollector(16);
        ByteBuffer in = ByteBuffer.wrap(pending, 0, pendingLength);
        CoderResult result;
        do {
            result = decoder.decode(in, chunk, true);
            drainChunk(text);
        } while (result.isOverflow());
        do {
            result = decoder.flush(chunk);
            drainChunk(text);
        } while (result.isOverflow());
        reset();
        return text.text();
    }

    /** Forgets carried-over bytes, for example when the connection was closed and a new one starts. */
    public void reset() {
        decoder.reset();
        chunk.clear();
        pendingLength = 0;
    }

    /** How many bytes of an incomplete character are waiting for the next call. */
    public int pendingBytes() {
        return pendingLength;
    }

    private void consume(byte[] bytes, int offset, int length, CharSink sink) {
        if (length == 0) {
            return;
        }
        int end = offset + length;
        int start = finishPending(bytes, offset, end, sink);
        if (start >= end) {
            return;
        }
        if (utf8FastPath) {
            consumeUtf8(bytes, start, end, sink);
        } else {
            ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
            if (boundaryBelow > 0) {
                decodeWhileWanted(in, sink);
                skipToLastBoundary(in);
            }
            decodeAvailable(in, sink);
            keepPending(in);
        }
    }

    /** Decodes only as far as the sink still wants chars, in chunks not much bigger than that. */
    private void decodeWhileWanted(ByteBuffer in, CharSink sink) {
        long wanted;
        while (in.hasRemaining() && (wanted = sink.charsWanted()) > 0) {
            chunk.limit((int) Math.min(CHUNK_CHARS, wanted + 16));
            CoderResult result = decoder.decode(in, chunk, false);
            drainChunk(sink);
            if (!result.isOverflow()) {
                return; // all of it, or an incomplete character at the end
            }
        }
    }

    /**
     * The sink has what it wants; what remains only decides which bytes carry over to the next
     * read. In these charsets a byte below {@link #boundaryBelow} always begins a character
     * (GBK's and Big5's second bytes are 0x40 and up), so decoding resumes at the last such byte:
     * a 64 KiB read of Chinese text costs a scan, not a decode.
     */
    private void skipToLastBoundary(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return;
        }
        byte[] array = in.array();
        int from = in.arrayOffset() + in.position();
        int end = in.arrayOffset() + in.limit();
        for (int i = end - 1; i > from; i--) {
            if ((array[i] & 0xFF) < boundaryBelow) {
                in.position(i - in.arrayOffset());
                decoder.reset();
                return;
            }
        }
    }

    /**
     * Completes the carried-over bytes with the first bytes of this read, through the real decoder,
     * so both paths agree on how a split character is joined.
     *
     * @return where in {@code bytes} decoding continues; {@code end} when everything was used
     */
    private int finishPending(byte[] bytes, int offset, int end, CharSink sink) {
        if (pendingLength == 0) {
            return offset;
        }
        int carried = pendingLength;
        int borrowed = Math.min(end - offset, BRIDGE_BYTES);
        byte[] bridge = Arrays.copyOf(pending, carried + borrowed);
        System.arraycopy(bytes, offset, bridge, carried, borrowed);
        ByteBuffer in = ByteBuffer.wrap(bridge);
        decodeAvailable(in, sink);
        if (in.position() >= carried) {
            // The old bytes are used up; unread borrowed bytes are read again from the original array.
            pendingLength = 0;
            return offset + (in.position() - carried);
        }
        if (borrowed == end - offset) {
            keepPending(in);
            return end;
        }
        // A charset with longer sequences than the bridge covers: join the rest and decode it all.
        byte[] joined = new byte[in.remaining() + (end - offset - borrowed)];
        int head = in.remaining();
        in.get(joined, 0, head);
        System.arraycopy(bytes, offset + borrowed, joined, head, end - offset - borrowed);
        ByteBuffer rest = ByteBuffer.wrap(joined);
        decodeAvailable(rest, sink);
        keepPending(rest);
        return end;
    }

    /** Decodes as much of {@code in} as forms complete characters, passing the text on in chunks. */
    private void decodeAvailable(ByteBuffer in, CharSink sink) {
        CoderResult result;
        do {
            result = decoder.decode(in, chunk, false);
            drainChunk(sink);
        } while (result.isOverflow());
    }

    private void drainChunk(CharSink sink) {
        if (chunk.position() > 0 && sink.charsWanted() > 0) {
            sink.append(chunk.array(), chunk.arrayOffset(), chunk.position());
        }
        chunk.clear();
    }

    /**
     * UTF-8 without the CharsetDecoder: the incomplete tail is found by looking back at most three
     * bytes, and the rest goes through {@code new String(..., UTF_8)}, which the JDK optimises heavily
     * and which replaces malformed input exactly like the decoder. A preview stops decoding at the
     * first step boundary past the chars it needs.
     */
    private void consumeUtf8(byte[] bytes, int start, int end, CharSink sink) {
        int complete = end - Utf8Boundaries.incompleteTailLength(bytes, start, end);
        int position = start;
        long wanted;
        while (position < complete && (wanted = sink.charsWanted()) > 0) {
            int cut = complete;
            // Every char costs at most 3 bytes, so this window yields all chars still wanted.
            if (wanted <= Integer.MAX_VALUE && 3 * wanted + 4 < complete - position) {
                cut = Utf8Boundaries.stepStartAtOrBefore(bytes, position, position + (int) (3 * wanted + 4));
                if (cut <= position) {
                    cut = complete;
                }
            }
            sink.append(new String(bytes, position, cut - position, StandardCharsets.UTF_8));
            position = cut;
        }
        keepPending(bytes, complete, end - complete);
    }

    private void keepPending(ByteBuffer in) {
        keepPending(in.array(), in.arrayOffset() + in.position(), in.remaining());
    }

    private void keepPending(byte[] bytes, int offset, int length) {
        if (length > pending.length) {
            pending = new byte[Math.max(length, pending.length * 2)];
        }
        System.arraycopy(bytes, offset, pending, 0, length);
        pendingLength = length;
    }

    private int expectedChars(int length) {
        return (int) Math.min(Integer.MAX_VALUE - 16L, (long) (length * (double) decoder.averageCharsPerByte()));
    }
}
