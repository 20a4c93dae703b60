package io.socketdeck.core.log;

import io.socketdeck.core.codec.DecodedPreview;
import io.socketdeck.core.text.Language;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One row of a traffic log: a read, a send, a datagram or an event, worded. The raw bytes are kept
 * as received so a view can re-render them in another encoding or as hex, exactly.
 *
 * <p>A row is only something to show: no connection state travels in it, so a row trimmed, dropped
 * under a flood or cleared away never loses a state change (that goes on its own channel).
 *
 * <p>Only a preview of the text is kept: a 64 KiB read is shown as its first characters with the
 * count of what follows, which keeps a flooded log small and its rows quick to lay out.
 */
public final class LogEntry {

    /** What the row shows. */
    public enum Kind {
        RX, TX, INFO, ERROR
    }

    /** Fixed cost per entry in the memory budget, besides its bytes and text. */
    static final int OVERHEAD_BYTES = 96;
    /** Characters of a data row's text that are decoded and kept for display. */
    public static final int PREVIEW_CHARS = 400;

    private final long timeMillis;
    private final Kind kind;
    private final String peer;
    /**
     * A data row's bytes: {@link #byteCount} of them from {@link #byteOffset} in this array, which
     * is the read's own until the row enters a log's list and {@link ByteBlocks} packs it into a
     * block shared with other rows. Null for an event row. Moved once, on the thread that owns the
     * list, before the row is shown: whoever reads a shown row sees the block.
     */
    private byte[] byteStore;
    private int byteOffset;
    private final int byteCount;
    private boolean packed;
    private final String message;
    private final boolean wholeMessage;
    /** More about an event than its one line (a TLS peer's certificate chain); null for none. */
    private final String detail;
    /**
     * How many times this event row happened: an error repeated soon after is counted here instead
     * of becoming another row. Written by the ingest's one thread, read by the view's.
     */
    private volatile int repeats = 1;
    /** A send the application made on its own (an echo, an auto-reply); set by the ingest before queueing. */
    private boolean automatic;
    /** For an answer to our send: how long it took to come back (see {@code RoundTrips}); -1 otherwise. */
    private long roundTripNanos = -1;
    // Rendering: written by the ingest before the entry is queued, later only on the FX thread.
    private Charset charset;
    private String text;
    private boolean truncated;

    private LogEntry(long timeMillis, Kind kind, String peer, byte[] bytes, String message, boolean wholeMessage,
                     String detail) {
        this.timeMillis = timeMillis;
        this.detail = detail;
        this.kind = kind;
        this.peer = peer;
        this.byteStore = bytes;
        this.byteCount = bytes == null ? 0 : bytes.length;
        this.message = message;
        this.wholeMessage = wholeMessage;
    }

    /** A read or write of a byte stream: its text may continue a character the last one began. */
    static LogEntry data(long timeMillis, Kind kind, String peer, byte[] bytes, Charset charset, DecodedPreview preview) {
        LogEntry entry = new LogEntry(timeMillis, kind, peer, bytes, null, false, null);
        entry.render(charset, preview);
        return entry;
    }

    /** A self-contained message (a datagram): its text is decoded from its own bytes only. */
    static LogEntry message(long timeMillis, Kind kind, String peer, byte[] bytes, Charset charset,
                            DecodedPreview preview) {
        LogEntry entry = new LogEntry(timeMillis, kind, peer, bytes, null, true, null);
        entry.render(charset, preview);
        return entry;
    }

    /** An event row: a connect, a failure, or a note of the application's own. */
    public static LogEntry event(long timeMillis, Kind kind, String peer, String message) {
        return new LogEntry(timeMillis, kind, peer, null, message, false, null);
    }

    /**
     * An event row with more to say than fits its one line: the row stays one line, and a view
     * shows {@code detail} (several lines) on demand.
     */
    public static LogEntry event(long timeMillis, Kind kind, String peer, String message, String detail) {
        return new LogEntry(timeMillis, kind, peer, null, message, false,
                detail == null || detail.isEmpty() ? null : detail);
    }

    public long timeMillis() {
        return timeMillis;
    }

    public Kind kind() {
        return kind;
    }

    /** True for a TX row the application sent on its own (an echo, an auto-reply), not typed. */
    public boolean automatic() {
        return automatic;
    }

    LogEntry markAutomatic() {
        automatic = true;
        return this;
    }

    /** How long this message took to answer our send to its peer, or -1 when it answered none. */
    public long roundTripNanos() {
        return roundTripNanos;
    }

    LogEntry markRoundTrip(long nanos) {
        roundTripNanos = nanos;
        return this;
    }

    public String peer() {
        return peer;
    }

    public boolean isData() {
        return byteStore != null;
    }

    /** True for a datagram: decoded on its own, never together with the entries before it. */
    public boolean isWholeMessage() {
        return wholeMessage;
    }

    /**
     * The raw bytes of a data row, or null for an event: a copy once the row shares a block with
     * others, so code that reads many rows reads {@link #byteStore()} from {@link #byteOffset()}
     * instead. Do not modify.
     */
    public byte[] bytes() {
        if (byteStore == null || byteOffset == 0 && byteStore.length == byteCount) {
            return byteStore;
        }
        return Arrays.copyOfRange(byteStore, byteOffset, byteOffset + byteCount);
    }

    /**
     * The array holding this row's bytes, {@link #byteCount()} of them from {@link #byteOffset()},
     * beside other rows' bytes; null for an event. Read only that range; do not modify.
     */
    public byte[] byteStore() {
        return byteStore;
    }

    /** Where this row's bytes begin in {@link #byteStore()}. */
    public int byteOffset() {
        return byteOffset;
    }

    public int byteCount() {
        return byteCount;
    }

    boolean isPacked() {
        return packed;
    }

    /** Copies the bytes to {@code block} at {@code offset} and keeps them there (see {@link ByteBlocks}). */
    void moveBytesTo(byte[] block, int offset) {
        System.arraycopy(byteStore, byteOffset, block, offset, byteCount);
        byteStore = block;
        byteOffset = offset;
        packed = true;
    }

    /** The event text, with how many times it happened when more than once; null for a data row. */
    public String message() {
        int times = repeats;
        return times > 1 ? message + "  (\u00d7" + Language.count(times) + ")" : message;
    }

    /** The event text as it was first said, without a repeat count; null for a data row. */
    public String eventText() {
        return message;
    }

    /** What the row has to say beyond its line (a certificate chain, one certificate a line), or null. */
    public String detail() {
        return detail;
    }

    /** How many times this row's event happened (1 but for a repeated error). */
    public int repeats() {
        return repeats;
    }

    /** The same event once more; under the lock of the {@link RecentErrors} holding this row. */
    void repeat() {
        repeats++; // one writer at a time: no lost update
    }

    /** The decoded preview of a data row in {@link #charset()}. */
    public String text() {
        return text;
    }

    public boolean isTruncated() {
        return truncated;
    }

    public Charset charset() {
        return charset;
    }

    void render(Charset newCharset, DecodedPreview preview) {
        this.charset = newCharset;
        // A read that completes no character (a device trickling GBK a byte at a time) is not an
        // empty row: its bytes show as pending hex, and the next row shows the character.
        this.text = preview.text().isEmpty() && byteCount > 0
                ? pending(byteStore, byteOffset, byteCount) : preview.text();
        this.truncated = preview.truncated();
    }

    /** "‹D6›": bytes that begin a character still to come. */
    static String pending(byte[] bytes, int offset, int length) {
        return "\u2039" + HexFormat.ofDelimiter(" ").withUpperCase()
                .formatHex(bytes, offset, offset + Math.min(length, 16))
                + (length > 16 ? " \u2026" : "") + "\u203a";
    }

    /**
     * Memory this entry accounts for. Fixed for its lifetime, whatever encoding it is re-rendered
     * in, so the log's running total stays exact: a preview never has more chars than bytes.
     */
    public long weight() {
        if (byteStore != null) {
            return OVERHEAD_BYTES + byteCount + 2L * Math.min(byteCount, PREVIEW_CHARS);
        }
        return OVERHEAD_BYTES + (message == null ? 0 : 2L * message.length())
                + (detail == null ? 0 : 2L * detail.length());
    }
}
