package io.socketdeck.ui.log;

import io.socketdeck.ui.common.I18n;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;

/**
 * What a log row says beyond its one line (a TLS peer's certificate chain), shown under the row in
 * a popup on demand: the rows keep their fixed height, and the text can be selected and copied.
 */
final class RowDetail {

    /** The one popup of the window's logs: showing another row's detail replaces it. */
    private static Popup shown;

    private RowDetail() {
    }

    /** Shows {@code detail} just under {@code row}; FX thread. */
    static void show(Node row, String detail) {
        if (shown != null) {
            shown.hide();
        }
        TextArea text = new TextArea(detail);
        text.setId("logDetail");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefColumnCount(90);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setPrefRowCount(Math.min(8, (int) detail.lines().count() * 2 + 1));
        text.setAccessibleText(I18n.text("log.detail.tooltip"));
        StackPane box = new StackPane(text);
        box.getStyleClass().add("log-detail-popup");
        Popup popup = new Popup();
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        popup.setConsumeAutoHidingEvents(false); // the click that closes it still does what it aims at
        popup.getContent().add(box);
        Bounds bounds = row.localToScreen(row.getLayoutBounds());
        if (bounds == null || row.getScene() == null) {
            return;
        }
        box.getStylesheets().setAll(row.getScene().getStylesheets());
        // As wide as the row, never wider: a long chain wraps inside the log instead of past the window.
        box.setPrefWidth(bounds.getWidth());
        box.setMaxWidth(bounds.getWidth());
        popup.show(row.getScene().getWindow(), bounds.getMinX(), bounds.getMaxY());
        shown = popup;
    }
}
