package io.socketdeck.ui.log;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.RowText;
import io.socketdeck.core.log.ViewMode;
import java.util.Arrays;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * How wide the widest row the log shows is, in pixels of its peer and payload: with wrap on,
 * while that fits the row's width every row is one line, and the list can give its rows a fixed
 * height ({@link OneLineRows}) instead of measuring a screenful of them on every pulse to find
 * where its end is (what a storm's and a flood's first pulses spent most of their time on,
 * bench groups server and udp). Kept as a count of rows per width, updated with each change of
 * the shown rows: the widest row is known without visiting the rows, and a window resized only
 * compares again.
 *
 * <p>A row's width is summed from its characters' advances in the fonts the view measured
 * ({@link Metrics}): each Latin-1 character its own, any other the widest of a set of wide ones
 * (CJK, kana, Hangul); control characters as the escapes the row shows ({@code \r}, {@code \x1B}),
 * a tab as 8 spaces; the peer past the peer column's least width, the round trip and the detail
 * mark as wide as they can be, an error with room for its repeat count. A row that is more than one line whatever the width (a line feed
 * inside it), or holds characters whose width the set does not bound (outside the Basic
 * Multilingual Plane, e.g. emoji, and a few very wide ones), never fits. Until the view has
 * measured, and in views other than text and hex, no row fits.
 */
final class RowFit {

    /** Widths are counted in buckets of this many pixels. */
    static final int BUCKET = 4;
    /** Rows this wide or wider are counted together: no log row fits a window this wide. */
    static final int MAX_WIDTH = 8192;
    /** The width of a row that never fits: larger than any. */
    static final int NEVER = Integer.MAX_VALUE;
    /** What "(+1,234 bytes)" after a preview may take, in any language, in wide characters. */
    private static final int MORE_SUFFIX = 16;
    /** "↩ 1234.56 ms" with its spacing, in wide characters. */
    private static final int ROUND_TRIP = 10;
    /** An error's repeat count, "  (×12,345,678)", in wide characters: it grows on the row while the row is shown. */
    private static final int REPEATS = 15;
    /** "▸" with its spacing, in wide characters. */
    private static final int DETAIL_MARK = 2;
    private static final int TAB_SPACES = 8;
    private static final String HEX_DIGITS = "0123456789ABCDEF";

    /**
     * Advances in the row's fonts as the view draws them now: each Latin-1 character's
     * ({@code latin[c]}, controls unused) and the widest other one, for the payload and the peer.
     * The peer column is at least {@code peerColumn} wide.
     */
    record Metrics(double[] payloadLatin, double payloadOther, double[] peerLatin, double peerOther,
                   double peerColumn) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Metrics that && Arrays.equals(payloadLatin, that.payloadLatin)
                    && payloadOther == that.payloadOther && Arrays.equals(peerLatin, that.peerLatin)
                    && peerOther == that.peerOther && peerColumn == that.peerColumn;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payloadLatin) * 31 + Arrays.hashCode(peerLatin);
        }
    }

    /** Rows per width bucket; the last slot holds the rows that never fit. */
    private final int[] rows = new int[MAX_WIDTH / BUCKET + 2];
    private final ObservableList<LogEntry> shown;
    private final ObjectProperty<ViewMode> mode;
    private final ReadOnlyIntegerWrapper widest = new ReadOnlyIntegerWrapper(this, "widest", NEVER);
    private Metrics metrics;

    /** Follows {@code shown} (what the list shows) in {@code mode}'s view. FX thread. */
    RowFit(ObservableList<LogEntry> shown, ObjectProperty<ViewMode> mode) {
        this.shown = shown;
        this.mode = mode;
        shown.addListener((ListChangeListener<LogEntry>) change -> {
            if (metrics == null) {
                return;
            }
            while (change.next()) {
                change.getRemoved().forEach(row -> count(row, -1));
                if (change.wasAdded()) {
                    change.getAddedSubList().forEach(row -> count(row, 1));
                }
            }
            showWidest();
        });
        // The view measures again for the new view's fonts; until then nothing is known to fit.
        mode.addListener((obs, old, now) -> measuredWith(null));
    }

    /**
     * The widest row shown, in pixels of its peer (past the column's least width) and payload:
     * 0 with no row, {@link #NEVER} when a row never fits, before the view measured, or in a view
     * other than text and hex.
     */
    ReadOnlyIntegerProperty widestProperty() {
        return widest.getReadOnlyProperty();
    }

    /** The shown rows were decoded again in place (another encoding): counts every row again. FX thread. */
    void rowsRendered() {
        if (metrics != null) {
            countAll();
        }
    }

    /** The fonts' advances the view measured (null: unknown); counts every row again when they changed. FX thread. */
    void measuredWith(Metrics measured) {
        if (measured == null ? metrics == null : measured.equals(metrics)) {
            return;
        }
        metrics = measured;
        countAll();
    }

    /** Counts every shown row afresh (none while the widths are unknown). */
    private void countAll() {
        Arrays.fill(rows, 0);
        if (metrics != null) {
            shown.forEach(row -> count(row, 1));
        }
        showWidest();
    }

    private void count(LogEntry row, int delta) {
        int width = width(row, mode.get(), metrics);
        rows[width == NEVER ? rows.length - 1 : Math.min(width, MAX_WIDTH) / BUCKET] += delta;
    }

    private void showWidest() {
        ViewMode view = mode.get();
        widest.set(metrics == null || (view != ViewMode.TEXT && view != ViewMode.HEX) ? NEVER : widest());
    }

    private int widest() {
        if (rows[rows.length - 1] > 0) {
            return NEVER;
        }
        for (int bucket = rows.length - 2; bucket >= 0; bucket--) {
            if (rows[bucket] > 0) {
                return (bucket + 1) * BUCKET; // the bucket's upper end: never narrower than its rows
            }
        }
        return 0;
    }

    /** How wide {@code row}'s peer and payload are in {@code view} (text or hex), in pixels; {@link #NEVER}. */
    static int width(LogEntry row, ViewMode view, Metrics metrics) {
        double payload;
        if (!row.isData()) {
            payload = rawWidth(row.eventText(), metrics);
            if (row.kind() == LogEntry.Kind.ERROR && payload != NEVER) {
                payload += REPEATS * metrics.payloadOther(); // a row is counted as it was when it came
            }
        } else if (view == ViewMode.HEX) {
            payload = hexWidth(row, metrics);
        } else {
            payload = textWidth(row.text(), metrics);
            if (row.isTruncated()) {
                payload += MORE_SUFFIX * metrics.payloadOther();
            }
        }
        double peer = rawWidth(row.peer(), metrics.peerLatin(), metrics.peerOther());
        if (payload == NEVER || peer == NEVER) {
            return NEVER;
        }
        double extras = (row.roundTripNanos() >= 0 ? ROUND_TRIP : 0) + (row.detail() != null ? DETAIL_MARK : 0);
        return (int) Math.ceil(payload + Math.max(0, peer - metrics.peerColumn()) + extras * metrics.payloadOther());
    }

    /** Decoded text as a data row shows it: control characters as their escapes (see {@code Printable}). */
    private static double textWidth(String text, Metrics metrics) {
        if (text == null) {
            return 0;
        }
        double[] latin = metrics.payloadLatin();
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\t' -> width += TAB_SPACES * latin[' '];
                case '\n' -> {
                    if (i + 1 < text.length()) {
                        return NEVER; // the row breaks its line here
                    }
                    width += latin['\\'] + latin['n'];
                }
                case '\r' -> width += latin['\\'] + latin['r'];
                case '\0' -> width += latin['\\'] + latin['0'];
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        width += latin['\\'] + latin['x'] + latin[HEX_DIGITS.charAt(c >> 4)]
                                + latin[HEX_DIGITS.charAt(c & 0xF)];
                    } else {
                        double advance = advance(c, latin, metrics.payloadOther());
                        if (advance == NEVER) {
                            return NEVER;
                        }
                        width += advance;
                    }
                }
            }
        }
        return width;
    }

    /** Hex as the row shows it: two digits per byte, a space between, the preview's end named. */
    private static double hexWidth(LogEntry row, Metrics metrics) {
        int bytes = Math.min(row.byteCount(), RowText.HEX_PREVIEW_BYTES);
        double[] latin = metrics.payloadLatin();
        double width = bytes * 2 * widestHexDigit(latin) + Math.max(0, bytes - 1) * latin[' '];
        return row.byteCount() > bytes ? width + MORE_SUFFIX * metrics.payloadOther() : width;
    }

    private static double rawWidth(String text, Metrics metrics) {
        return rawWidth(text, metrics.payloadLatin(), metrics.payloadOther());
    }

    /** Text shown as it is (an event's message, a peer): any control character, a line break included, never fits. */
    private static double rawWidth(String text, double[] latin, double other) {
        if (text == null) {
            return 0;
        }
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            double advance = c == '\t' ? TAB_SPACES * latin[' ']
                    : c < 0x20 || c == 0x7F ? NEVER : advance(c, latin, other);
            if (advance == NEVER) {
                return NEVER;
            }
            width += advance;
        }
        return width;
    }

    private static double advance(char c, double[] latin, double other) {
        if (c < latin.length) {
            return latin[c];
        }
        return Character.isSurrogate(c) || isVeryWide(c) ? NEVER : other;
    }

    private static double widestHexDigit(double[] latin) {
        double widest = 0;
        for (char c : HEX_DIGITS.toCharArray()) {
            widest = Math.max(widest, latin[c]);
        }
        return widest;
    }

    /** Characters drawn wider than a CJK character in common fonts: ligatures of whole words, long dashes. */
    private static boolean isVeryWide(char c) {
        return (c >= '\uFDF0' && c <= '\uFDFF') || c == '\u2E3A' || c == '\u2E3B' || (c >= '\u3031' && c <= '\u3035')
                || c == '\uA9C1' || c == '\uA9C2';
    }
}
