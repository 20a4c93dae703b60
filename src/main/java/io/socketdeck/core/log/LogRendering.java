package io.socketdeck.core.log;

import io.socketdeck.core.codec.StreamTextDecoder;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decodes rows already in a log again, in another encoding, from their kept bytes. */
public final class LogRendering {

    private LogRendering() {
    }

    /** True when a data row among {@code entries} was decoded in another encoding than {@code charset}. */
    public static boolean anyStale(List<LogEntry> entries, Charset charset) {
        for (LogEntry entry : entries) {
            if (entry.isData() && !charset.equals(entry.charset())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes every data row of {@code entries} in {@code charset}: each stream (peer and direction)
     * in order, so a character split across two reads comes out whole, and each datagram alone.
     */
    public static void rerender(List<LogEntry> entries, Charset charset) {
        Map<StreamKey, StreamTextDecoder> decoders = new HashMap<>();
        StreamTextDecoder messages = new StreamTextDecoder(charset);
        for (LogEntry entry : entries) {
            if (entry.isWholeMessage()) {
                entry.render(charset, messages.decodeWholePreview(entry.bytes(), 0, entry.byteCount(),
                        LogEntry.PREVIEW_CHARS));
            } else if (entry.isData()) {
                StreamTextDecoder decoder = decoders.computeIfAbsent(new StreamKey(entry.peer(), entry.kind()),
                        key -> new StreamTextDecoder(charset));
                entry.render(charset, decoder.decodePreview(entry.bytes(), 0, entry.byteCount(), LogEntry.PREVIEW_CHARS));
            }
        }
    }
}
