package io.socketdeck.core.log;

import io.socketdeck.core.codec.HexFormatter;
import io.socketdeck.core.codec.StreamTextDecoder;
import io.socketdeck.core.text.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes log rows out whole: every payload decoded in full (not the on-screen preview), each
 * stream in order so a character split across two reads comes out right, each datagram alone. Plain text is one line
 * per row, as on screen; CSV adds the byte count and the exact hex. Runs on any thread, on a copy.
 */
public final class LogExport {

    /** The file formats offered by Save. */
    public enum Format {
        TEXT, CSV
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter ISO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());

    private LogExport() {
    }

    /** Writes {@code entries}; {@code selected} narrows the rows written, decoding still follows every stream. */
    public static void write(List<LogEntry> entries, Predicate<LogEntry> selected, Charset charset, Format format,
                             Appendable out) throws IOException {
        if (format == Format.CSV) {
            out.append("time,direction,peer,bytes,text,hex\r\n");
        }
        Map<StreamKey, StreamTextDecoder> decoders = new HashMap<>();
        for (LogEntry entry : entries) {
            String text = entry.message();
            if (entry.isWholeMessage()) {
                StreamTextDecoder alone = new StreamTextDecoder(charset); // a datagram stands on its own
                text = alone.decode(entry.byteStore(), entry.byteOffset(), entry.byteCount()) + alone.flush();
            } else if (entry.isData()) {
                text = decoders.computeIfAbsent(new StreamKey(entry.peer(), entry.kind()),
                        key -> new StreamTextDecoder(charset))
                        .decode(entry.byteStore(), entry.byteOffset(), entry.byteCount());
            }
            if (!selected.test(entry)) {
                continue;
            }
            if (format == Format.CSV) {
                out.append(ISO_TIME.format(Instant.ofEpochMilli(entry.timeMillis()))).append(',')
                        .append(entry.kind().name()).append(',')
                        .append(csv(entry.peer())).append(',')
                        .append(Integer.toString(entry.byteCount())).append(',')
                        .append(csv(text)).append(',')
                        .append(entry.isData()
                                ? HexFormatter.format(entry.byteStore(), entry.byteOffset(), entry.byteCount()) : "")
                        .append("\r\n");
            } else {
                out.append(TIME.format(Instant.ofEpochMilli(entry.timeMillis()))).append(' ')
                        .append(entry.kind().name()).append(' ')
                        .append(entry.peer().isEmpty() ? "-" : entry.peer()).append(' ')
                        .append(Printable.of(text).replace("\n", "")) // one line per row; \n stays visible
                        .append(System.lineSeparator());
            }
        }
    }

    /** The rows in {@code chosen}, as text lines, in log order: what Copy puts on the clipboard. */
    public static String copyText(List<LogEntry> entries, Collection<LogEntry> chosen, Charset charset) {
        Set<LogEntry> wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        wanted.addAll(chosen);
        StringBuilder out = new StringBuilder();
        try {
            write(entries, wanted::contains, charset, Format.TEXT, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    /** One CSV field by RFC 4180: quoted when needed, the quotes inside doubled; null is empty. */
    public static String csv(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
