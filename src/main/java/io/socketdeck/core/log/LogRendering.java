package io.socketdeck.core.log;

import io.socketdeck.core.codec.DecodedPreview;
import io.socketdeck.core.codec.StreamTextDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
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
     * Decodes every data row of {@code entries} in {@code charset} and shows the result: each
     * stream (peer and direction) in order, so a character split across two reads comes out whole,
     * and each datagram alone. On the thread that owns the rows.
     */
    public static void rerender(List<LogEntry> entries, Charset charset) {
        apply(entries, charset, decode(entries, charset));
    }

    /**
     * The texts {@link #rerender} would show, without touching the rows: reads only what a row
     * never changes (its bytes, peer and kind), so any thread may run it over a copy of the list.
     *
     * @return one preview per entry, null for event rows
     */
    public static List<DecodedPreview> decode(List<LogEntry> entries, Charset charset) {
        Map<StreamKey, StreamTextDecoder> decoders = new HashMap<>();
        StreamTextDecoder messages = new StreamTextDecoder(charset);
        List<DecodedPreview> previews = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            if (entry.isWholeMessage()) {
                previews.add(messages.decodeWholePreview(entry.byteStore(), entry.byteOffset(), entry.byteCount(),
                        LogEntry.PREVIEW_CHARS));
            } else if (entry.isData()) {
                StreamTextDecoder decoder = decoders.computeIfAbsent(new StreamKey(entry.peer(), entry.kind()),
                        key -> new StreamTextDecoder(charset));
                previews.add(decoder.decodePreview(entry.byteStore(), entry.byteOffset(), entry.byteCount(),
                        LogEntry.PREVIEW_CHARS));
            } else {
                previews.add(null);
            }
        }
        return previews;
    }

    /** Shows {@code previews}, made by {@link #decode} over the same {@code entries}; on the thread that owns the rows. */
    public static void apply(List<LogEntry> entries, Charset charset, List<DecodedPreview> previews) {
        for (int i = 0; i < entries.size(); i++) {
            DecodedPreview preview = previews.get(i);
            if (preview != null) {
                entries.get(i).render(charset, preview);
            }
        }
    }
}
