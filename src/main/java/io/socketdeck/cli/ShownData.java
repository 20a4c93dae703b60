package io.socketdeck.cli;

import io.socketdeck.core.codec.HexFormatter;
import io.socketdeck.core.codec.StreamTextDecoder;
import io.socketdeck.core.session.ConnectionIds;
import io.socketdeck.core.session.Direction;
import io.socketdeck.core.session.SessionEvent;
import io.socketdeck.core.text.Printable;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The text of data events as a command line shows it. What a TCP peer sends is one stream per
 * connection, decoded with the engine's split-safe {@link StreamTextDecoder}: a GBK or UTF-8
 * character cut between two reads shows whole, in the read that completes it. A datagram, and
 * each of our own sends, is a whole message, decoded on its own. I/O thread only.
 */
final class ShownData {

    private static final HexFormat PENDING = HexFormat.ofDelimiter(" ").withUpperCase();

    private record Stream(long connection, Direction direction) {
    }

    private final Charset charset;
    private final Map<Stream, StreamTextDecoder> streams = new HashMap<>();
    private final StreamTextDecoder messages;

    ShownData(Charset charset) {
        this.charset = charset;
        this.messages = new StreamTextDecoder(charset);
    }

    /**
     * The characters {@code data} completes, unescaped (for JSON): a read may complete none, when
     * it holds only the start of a character, or carry the end of one begun before.
     */
    String text(SessionEvent.Data data) {
        byte[] bytes = data.bytes();
        if (data.connection() == ConnectionIds.NONE || data.direction() == Direction.TX) {
            return messages.decodeWholePreview(bytes, 0, bytes.length, bytes.length + 16).text();
        }
        return streams.computeIfAbsent(new Stream(data.connection(), data.direction()),
                key -> new StreamTextDecoder(charset)).decode(bytes);
    }

    /**
     * {@code text} on one line, control characters escaped as the window's log shows them
     * ({@code \r}, {@code \n}, {@code \x1B}); bytes that complete no character yet show as pending
     * hex ({@code ‹D6›}) as the window does, and their character comes with the next read.
     */
    static String oneLine(String text, byte[] bytes) {
        if (text.isEmpty() && bytes.length > 0) {
            return "\u2039" + PENDING.formatHex(bytes, 0, Math.min(bytes.length, 16))
                    + (bytes.length > 16 ? " \u2026" : "") + "\u203a";
        }
        // The log breaks its row after an escaped line feed; a greppable line must not.
        return Printable.of(text).replace("\n", "");
    }

    static String hex(byte[] bytes) {
        return HexFormatter.format(bytes);
    }

    /** The connection ended: its half-read characters will never complete. */
    void forget(long connection) {
        streams.keySet().removeIf(stream -> stream.connection() == connection);
    }
}
