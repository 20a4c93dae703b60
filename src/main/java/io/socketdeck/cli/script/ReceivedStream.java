package io.socketdeck.cli.script;

import io.socketdeck.core.codec.StreamTextDecoder;
import io.socketdeck.core.respond.HexPattern;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Set;

/**
 * What one connection received and no {@code expect} has consumed yet, seen two ways at once: as
 * bytes (for hex patterns) and as text decoded in the connection's encoding (for text and regex),
 * with the engine's split-safe {@link StreamTextDecoder}, so a character cut between two reads is
 * one character. An expect consumes up to the end of its match in either view and the other view
 * follows: every character remembers the offset of the byte that completed it. A character is
 * consumed once all its bytes are. Not thread-safe: its {@link Link} guards it.
 */
final class ReceivedStream {

    /** Kept unconsumed at most; older bytes go (a chatty device must not fill the heap). */
    static final int MAX_KEPT = 1 << 20;
    private static final int COMPACT_AFTER = 8192;

    /**
     * Charsets where a read of bytes below 0x80, with nothing carried over, is one character per
     * byte: its mapping needs no byte-by-byte decoding. Stateful charsets (ISO-2022, UTF-7) and
     * UTF-16/32 are left out: there an ASCII byte can be half of a character.
     */
    private static final Set<String> ASCII_ONE_TO_ONE = Set.of("UTF-8", "US-ASCII", "ISO-8859-1", "GBK", "GB18030",
            "GB2312", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR", "windows-1252", "windows-1251", "windows-1250");

    private final StreamTextDecoder decoder;
    private final boolean asciiOneToOne;
    private byte[] data = new byte[1024];
    private int dataLength;
    private int byteStart;
    private final StringBuilder text = new StringBuilder();
    /** {@code charEnds[i]}: the offset in {@link #data} just past the byte that completed character i. */
    private int[] charEnds = new int[1024];
    private int charStart;
    private long dropped;

    ReceivedStream(Charset charset) {
        this.decoder = new StreamTextDecoder(charset);
        this.asciiOneToOne = ASCII_ONE_TO_ONE.contains(charset.name());
    }

    /** The next read of a byte stream (TCP): a character may go on in the next one. */
    void append(byte[] bytes) {
        int base = dataLength;
        ensureBytes(bytes.length);
        System.arraycopy(bytes, 0, data, base, bytes.length);
        dataLength += bytes.length;
        decode(bytes, base);
        keepWithinLimit();
    }

    /** One whole message (a datagram): a character it leaves unfinished is never finished. */
    void appendMessage(byte[] bytes) {
        append(bytes);
        addChars(decoder.flush(), dataLength);
    }

    private void decode(byte[] bytes, int base) {
        if (asciiOneToOne && decoder.pendingBytes() == 0 && isAscii(bytes)) {
            ensureChars(bytes.length);
            for (int i = 0; i < bytes.length; i++) {
                text.append((char) bytes[i]);
                charEnds[text.length() - 1] = base + i + 1;
            }
            return;
        }
        // Byte by byte: the decoder tells which byte completes each character. Conversations are
        // small; a megabyte of non-ASCII text costs a fraction of a second.
        for (int i = 0; i < bytes.length; i++) {
            addChars(decoder.decode(bytes, i, 1), base + i + 1);
        }
    }

    private void addChars(String chars, int end) {
        ensureChars(chars.length());
        for (int i = 0; i < chars.length(); i++) {
            text.append(chars.charAt(i));
            charEnds[text.length() - 1] = end;
        }
    }

    /** The unconsumed text (characters not yet complete are not in it). */
    String text() {
        return text.substring(charStart);
    }

    /** The unconsumed bytes. */
    byte[] bytes() {
        return Arrays.copyOfRange(data, byteStart, dataLength);
    }

    int byteCount() {
        return dataLength - byteStart;
    }

    /** Where {@code pattern} first matches in the unconsumed bytes, counted from the first of them, or -1. */
    int find(HexPattern pattern) {
        int at = pattern.find(data, byteStart, dataLength);
        return at < 0 ? -1 : at - byteStart;
    }

    /** Consumes the first {@code count} characters of {@link #text()} and the bytes they came from. */
    void consumeChars(int count) {
        if (count <= 0) {
            return;
        }
        charStart += count;
        byteStart = Math.max(byteStart, charEnds[charStart - 1]);
        compact();
    }

    /** Consumes the first {@code count} bytes of {@link #bytes()} and every character they complete. */
    void consumeBytes(int count) {
        if (count <= 0) {
            return;
        }
        byteStart += count;
        while (charStart < text.length() && charEnds[charStart] <= byteStart) {
            charStart++;
        }
        compact();
    }

    /** Bytes dropped unread because more than {@link #MAX_KEPT} waited. */
    long dropped() {
        return dropped;
    }

    private void keepWithinLimit() {
        int excess = byteCount() - MAX_KEPT;
        if (excess > 0) {
            dropped += excess;
            consumeBytes(excess);
        }
    }

    /** Moves what is left to the front once the consumed part is large. */
    private void compact() {
        if (byteStart < COMPACT_AFTER || byteStart * 2L < dataLength) {
            return;
        }
        int shift = byteStart;
        System.arraycopy(data, shift, data, 0, dataLength - shift);
        dataLength -= shift;
        byteStart = 0;
        int kept = text.length() - charStart;
        for (int i = 0; i < kept; i++) {
            charEnds[i] = charEnds[charStart + i] - shift;
        }
        text.delete(0, charStart);
        charStart = 0;
    }

    private void ensureBytes(int more) {
        if (dataLength + more > data.length) {
            data = Arrays.copyOf(data, Math.max(dataLength + more, data.length * 2));
        }
    }

    private void ensureChars(int more) {
        if (text.length() + more > charEnds.length) {
            charEnds = Arrays.copyOf(charEnds, Math.max(text.length() + more, charEnds.length * 2));
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return byteCount() + " bytes unconsumed: " + text();
    }
}
