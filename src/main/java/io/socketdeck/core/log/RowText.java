package io.socketdeck.core.log;

import io.socketdeck.core.codec.HexDump;
import io.socketdeck.core.codec.HexFormatter;
import io.socketdeck.core.text.Language;
import io.socketdeck.core.text.Printable;
import io.socketdeck.core.text.TextBundle;

/**
 * What a data row shows in each {@link ViewMode}: previews only, so a row costs the same to draw
 * for 10 bytes and for 64 KiB; the rest is named by its size. The window's log and a command line
 * print rows the same way.
 */
public final class RowText {

    public static final int HEX_PREVIEW_BYTES = 128;
    /** Eight dump lines: enough to read a frame, little enough for a flood. */
    public static final int DUMP_PREVIEW_BYTES = 128;

    private static final TextBundle TEXT = new TextBundle("io.socketdeck.core.text.messages");

    private RowText() {
    }

    /** The payload of a data row as {@code mode} shows it. */
    public static String payload(LogEntry entry, ViewMode mode) {
        return switch (mode) {
            case TEXT -> text(entry);
            case HEX -> hex(entry);
            case HEX_TEXT -> hex(entry) + "\n" + text(entry);
            case DUMP -> dump(entry);
        };
    }

    private static String text(LogEntry entry) {
        String shown = Printable.of(entry.text());
        return entry.isTruncated() ? shown + moreSuffix(entry) : shown;
    }

    private static String hex(LogEntry entry) {
        String shown = HexFormatter.format(entry.byteStore(), entry.byteOffset(),
                Math.min(entry.byteCount(), HEX_PREVIEW_BYTES));
        return entry.byteCount() > HEX_PREVIEW_BYTES ? shown + moreSuffix(entry) : shown;
    }

    private static String dump(LogEntry entry) {
        int shown = Math.min(entry.byteCount(), DUMP_PREVIEW_BYTES);
        String dump = HexDump.format(entry.byteStore(), entry.byteOffset(), shown, 0);
        dump = dump.endsWith("\n") ? dump.substring(0, dump.length() - 1) : dump;
        return entry.byteCount() > shown ? dump + "\n" + moreSuffix(entry).strip() : dump;
    }

    private static String moreSuffix(LogEntry entry) {
        return " " + TEXT.format("log.more", Language.count(entry.byteCount()));
    }
}
