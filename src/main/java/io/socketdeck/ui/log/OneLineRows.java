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

/**
 * Gives the log's rows a fixed height while every row is one line (text or hex, wrap off), so
 * following the tail of a flood costs one row's layout, not a CSS pass and a measurement of
 * every row of the viewport on every pulse (which is what a list of variable-height rows does
 * to find where its end is). Two-line and dump views, and wrapped rows, keep measured heights.
 *
 * <p>The height is measured on a probe row styled inside the list (so the list's CSS, the zoom,
 * the theme and the fixed-width font apply), holding Latin and CJK text, whose fallback font
 * may be the taller one. Measured again when any of those can have changed: view, wrap, the
 * font (zoom, theme, fixed-width text), and a new skin.
 */
final class OneLineRows {

    private static final LogEntry PROBE = LogEntry.event(0, LogEntry.Kind.ERROR, "[ffff::1]:65535", "Ag|中文 Éy 0x7F");

    private final ListView<LogEntry> list;
    private final TrafficLog log;

    private OneLineRows(ListView<LogEntry> list, TrafficLog log) {
        this.list = list;
        this.log = log;
    }

    /** Keeps {@code list}'s fixed cell size right from now on; {@code fontSource} follows the zoom and theme. */
    static void keep(ListView<LogEntry> list, TrafficLog log, Label fontSource) {
        OneLineRows rows = new OneLineRows(list, log);
        Runnable update = rows::update;
        // The log outlives this view (a language switch builds a new one around it).
        ViewListeners.onChange(list, log.wrapProperty(), (obs, old, now) -> update.run());
        ViewListeners.onChange(list, log.viewModeProperty(), (obs, old, now) -> update.run());
        ViewListeners.onChange(list, log.monospaceTextProperty(), (obs, old, now) -> update.run());
        list.skinProperty().addListener((obs, old, now) -> update.run());
        list.sceneProperty().addListener((obs, old, now) -> update.run());
        // The font changes during a CSS pass that may not have reached the list yet: measure after it.
        // Off the FX thread (a view built in advance) that pass is its builder's, and the view is
        // measured again as it joins the window (its scene changes): nothing to hand the FX thread
        // while the builder still owns the list.
        fontSource.fontProperty().addListener((obs, old, now) -> {
            if (Platform.isFxApplicationThread()) {
                Platform.runLater(update);
            }
        });
        update.run();
    }

    private boolean oneLine() {
        ViewMode mode = log.viewModeProperty().get();
        return !log.wrapProperty().get() && (mode == ViewMode.TEXT || mode == ViewMode.HEX);
    }

    private void update() {
        double height = oneLine() ? measure() : -1;
        list.setFixedCellSize(height > 0 ? height : Region.USE_COMPUTED_SIZE);
    }

    /** A probe row's height as the list would draw it; -1 before the list has a skin and a scene. */
    private double measure() {
        if (!(list.getSkin() instanceof SkinBase<?> skin) || list.getScene() == null) {
            return -1;
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
            return Math.ceil(probe.snappedTopInset() + row.prefHeight(width) + probe.snappedBottomInset());
        } finally {
            skin.getChildren().remove(holder);
            probe.updateListView(null);
        }
    }
}
