package io.socketdeck.ui.log;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.ViewMode;
import io.socketdeck.ui.fx.ViewListeners;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.MoveTo;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Arrays;
import java.util.Map;

/**
 * Gives the log's rows a fixed height while every row is one line, so following the tail of a
 * flood costs one row's layout, not a CSS pass and a measurement of every row of the viewport on
 * every pulse (which is what a list of variable-height rows does to find where its end is). Rows
 * are one line in text or hex view with wrap off, and with wrap on while the widest row shown
 * fits the list's width ({@link RowFit}, summed from the fonts' advances measured here): a
 * storm's connect events and short datagrams, the usual log. Two-line and dump views, and rows
 * that wrap, keep measured heights. Bench group server, the storm's longest FX work in a pulse:
 * see the README's *The traffic log* section.
 *
 * <p>The height is measured on a probe row styled inside the list (so the list's CSS, the zoom,
 * the theme and the fixed-width font apply), holding Latin and CJK text, whose fallback font
 * may be the taller one; on the same probe, the width a row takes before its peer and payload,
 * and the advances of the payload's and the peer's fonts (once per font and JVM). Measured
 * again when any of those can have changed: view, time shown, the font (zoom, theme,
 * fixed-width text), and a new skin; compared again when wrap, the list's width or the widest
 * row changes.
 */
final class OneLineRows {

    /** The advances of each font measured, kept for the JVM: a font is measured once, not at each view or resize. */
    private static final Map<Font, double[]> LATIN_ADVANCES = new ConcurrentHashMap<>();
    private static final Map<Font, Double> WIDE_ADVANCES = new ConcurrentHashMap<>();
    private static final LogEntry PROBE = LogEntry.event(0, LogEntry.Kind.ERROR, "[ffff::1]:65535", "Ag|中文 Éy 0x7F");
    /** A row of nothing but its columns: the width every row takes before its peer and payload. */
    private static final LogEntry BARE = LogEntry.event(0, LogEntry.Kind.ERROR, "", "");
    /** Characters as wide as any beyond Latin-1 a row counts (see RowFit): CJK, kana, Hangul, Cyrillic, dashes. */
    private static final String[] WIDEST_KINDS = {"中", "あ", "한", "Ш", "Щ", "Ｗ", "—", "…", "Ω"};
    /** What the vertical scroll bar may take from the rows' width. */
    private static final double SCROLL_BAR = 20;

    /** What a row's one line needs, in the list's fonts now, and those fonts' advances for the log's {@link RowFit}. */
    private record Measure(double rowHeight, double bareRowWidth, RowFit.Metrics metrics) {
    }

    private final ListView<LogEntry> list;
    private final TrafficLog log;
    private final Label fontSource;
    /** The font source's font at the last measure. */
    private Font measuredFont;
    /** Null until measured, and when it may have changed. */
    private Measure measured;

    private OneLineRows(ListView<LogEntry> list, TrafficLog log, Label fontSource) {
        this.list = list;
        this.log = log;
        this.fontSource = fontSource;
    }

    /** Keeps {@code list}'s fixed cell size right from now on; {@code fontSource} follows the zoom and theme. */
    static void keep(ListView<LogEntry> list, TrafficLog log, Label fontSource) {
        OneLineRows rows = new OneLineRows(list, log, fontSource);
        // The log outlives this view (a language switch builds a new one around it).
        // Wrap changes no font and no column: compared again, not measured.
        ViewListeners.onChange(list, log.wrapProperty(), (obs, old, now) -> rows.update());
        ViewListeners.onChange(list, log.viewModeProperty(), (obs, old, now) -> rows.remeasure());
        ViewListeners.onChange(list, log.monospaceTextProperty(), (obs, old, now) -> rows.remeasure());
        ViewListeners.onChange(list, log.showTimeProperty(), (obs, old, now) -> rows.remeasure());
        ViewListeners.onChange(list, log.rowFit().widestProperty(), (obs, old, now) -> rows.update());
        list.widthProperty().addListener((obs, old, now) -> rows.update());
        list.skinProperty().addListener((obs, old, now) -> rows.remeasure());
        // Measured in one scene, the list keeps that measure in the next: a view built off the FX
        // thread joins the window styled alike, and a font that differs there is a font change (below).
        list.sceneProperty().addListener((obs, old, now) -> {
            if (now != null && rows.measured == null) {
                rows.remeasure();
            }
        });
        // The font changes during a CSS pass that may not have reached the list yet: measure after it.
        // Off the FX thread (a view built in advance) that pass is its builder's: nothing to hand the
        // FX thread while the builder still owns the list.
        // A view joining the window sees its fonts set again, equal in the end: measured only when
        // the font it settles on is not the one last measured with.
        fontSource.fontProperty().addListener((obs, old, now) -> {
            if (Platform.isFxApplicationThread()) {
                Platform.runLater(() -> {
                    if (!fontSource.getFont().equals(rows.measuredFont)) {
                        rows.remeasure();
                    }
                });
            }
        });
        rows.remeasure();
    }

    private void remeasure() {
        measured = null;
        update();
    }

    private void update() {
        ViewMode mode = log.viewModeProperty().get();
        double height = -1;
        if (mode == ViewMode.TEXT || mode == ViewMode.HEX) {
            if (measured == null) {
                measuredFont = fontSource.getFont();
                measured = measure();
            }
            // The log's rows are the FX thread's: a view built off it tells them as it joins the window.
            if (Platform.isFxApplicationThread()) {
                log.rowFit().measuredWith(measured == null ? null : measured.metrics());
            }
            if (measured != null
                    && (!log.wrapProperty().get() || log.rowFit().widestProperty().get() <= fitting(measured))) {
                height = measured.rowHeight();
            }
        }
        double size = height > 0 ? height : Region.USE_COMPUTED_SIZE;
        if (list.getFixedCellSize() != size) {
            list.setFixedCellSize(size);
        }
    }

    /** How wide a row's peer (past its column's least width) and payload may be on one line at the list's width now. */
    private int fitting(Measure measure) {
        double rowWidth = list.getWidth() - list.snappedLeftInset() - list.snappedRightInset() - SCROLL_BAR;
        return (int) Math.floor(rowWidth - measure.bareRowWidth());
    }

    /** A probe row's height and widths as the list would draw it; null before the list has a skin and a scene. */
    private Measure measure() {
        if (!(list.getSkin() instanceof SkinBase<?> skin) || list.getScene() == null) {
            return null;
        }
        LogCell probe = new LogCell(log);
        Group holder = new Group(probe);
        holder.setManaged(false);
        holder.setVisible(false);
        skin.getChildren().add(holder);
        try {
            probe.updateListView(list);
            probe.updateItem(PROBE, false);
            probe.applyCss();
            double width = list.getWidth() > 0 ? list.getWidth() : 800;
            // The row, not the cell: a cell of a list with a fixed size reports that size.
            Node row = probe.getGraphic();
            double height = Math.ceil(probe.snappedTopInset() + row.prefHeight(width) + probe.snappedBottomInset());
            Font payload = probe.payloadFont();
            Font peer = probe.peerFont();
            probe.updateItem(BARE, false);
            probe.applyCss();
            double bare = probe.snappedLeftInset() + row.prefWidth(-1) + probe.snappedRightInset();
            return new Measure(height, bare, new RowFit.Metrics(latinAdvances(payload), wideAdvance(payload),
                    latinAdvances(peer), wideAdvance(peer), LogCell.PEER_MIN_WIDTH));
        } finally {
            skin.getChildren().remove(holder);
            probe.updateListView(null);
        }
    }

    /**
     * Each printable Latin-1 character's advance in {@code font}; the C1 controls', which fonts draw
     * as they please, as wide as the widest kind's (controls below 0x20: 0, never used).
     */
    private static double[] latinAdvances(Font font) {
        return LATIN_ADVANCES.computeIfAbsent(font, measured -> {
            StringBuilder printable = new StringBuilder();
            for (char c = 0x20; c < 0x100; c++) {
                if (c < 0x7F || c >= 0xA0) {
                    printable.append(c);
                }
            }
            double[] each = advances(measured, printable.toString());
            double[] advances = new double[0x100];
            for (int i = 0; i < printable.length(); i++) {
                advances[printable.charAt(i)] = each[i];
            }
            for (char c = 0x7F; c < 0xA0; c++) {
                advances[c] = wideAdvance(measured);
            }
            return advances;
        });
    }

    /** The widest of {@link #WIDEST_KINDS} in {@code font}, each laid out alone (mixed scripts move the caret). */
    private static double wideAdvance(Font font) {
        return WIDE_ADVANCES.computeIfAbsent(font, measured -> Arrays.stream(WIDEST_KINDS)
                .mapToDouble(character -> advances(measured, character)[0]).max().orElse(0));
    }

    /**
     * The advance of each character of {@code line} in {@code font}, from one layout of the line
     * (the caret's place before each): a layout per character took 0.1 s of a cold start.
     */
    private static double[] advances(Font font, String line) {
        Text text = new Text(line);
        text.setFont(font);
        double[] advances = new double[line.length()];
        double before = caretX(text, 0);
        for (int i = 0; i < line.length(); i++) {
            double after = caretX(text, i + 1);
            advances[i] = after - before;
            before = after;
        }
        return advances;
    }

    private static double caretX(Text text, int index) {
        return text.caretShape(index, true)[0] instanceof MoveTo move ? move.getX() : 0;
    }
}
