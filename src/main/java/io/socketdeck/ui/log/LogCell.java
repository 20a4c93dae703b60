package io.socketdeck.ui.log;

import io.socketdeck.core.log.LogEntry;
import io.socketdeck.core.log.RowText;
import io.socketdeck.ui.common.Durations;
import io.socketdeck.ui.common.I18n;
import io.socketdeck.ui.fx.WrappingText;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A log row: time, direction badge, peer, then the payload as text or hex. Only previews are
 * drawn, so a row costs the same for 10 bytes and for 64 KiB.
 */
final class LogCell extends ListCell<LogEntry> {

    private static final Map<LogEntry.Kind, PseudoClass> KIND_STATES = new EnumMap<>(LogEntry.Kind.class);
    /** A send made by the application on its own (an echo, an auto-reply). */
    private static final PseudoClass AUTOMATIC = PseudoClass.getPseudoClass("auto");

    static {
        for (LogEntry.Kind kind : LogEntry.Kind.values()) {
            KIND_STATES.put(kind, PseudoClass.getPseudoClass(kind.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** The peer's column: addresses up to 150 px line up, as a table's would. */
    static final double PEER_MIN_WIDTH = 150;

    private final TrafficLog log;
    // Time and peer are plain texts, not labels: a label is a control with a skin and a text of
    // its own, restyled and laid out apart. With two fewer of each per row the first pulses of a
    // flood, when the list makes its screenful of cells, cost less FX time (bench group ui, three
    // pairs: the flood's longest FX work 21.0-31.9 ms against 28.2-32.2 with labels).
    private final Text time = new Text();
    private final RowTime times = new RowTime();
    private final Label badge = new Label();
    private final Text peer = new Text() {
        @Override
        public double prefWidth(double height) {
            return Math.max(PEER_MIN_WIDTH, super.prefWidth(height));
        }
    };
    /**
     * How long an answer took to come back ("↩ 0.42 ms"); made for the first answer this cell
     * shows. Rare parts of a row are made when first needed: the list makes a screenful of cells
     * in the first pulse of a flood, and every node of each (a label, its skin, its text, their
     * styles) is paid for there.
     */
    private Label roundTrip;
    /** "▸": the row has more to show (a certificate chain); a click shows it under the row. Made when first needed. */
    private Label more;
    private final WrappingText payload = new WrappingText();
    private final HBox row = new HBox(time, badge, peer, payload);
    /** One line of the cell's font, for an empty cell; measured again when the font changes. */
    private double emptyLineHeight = -1;
    private Font emptyLineFont;
    private LogEntry.Kind shownKind;
    private boolean shownAutomatic;

    LogCell(TrafficLog log) {
        this.log = log;
        getStyleClass().add("log-cell");
        row.getStyleClass().add("log-row");
        time.getStyleClass().add("log-time");
        badge.getStyleClass().add("log-badge");
        peer.getStyleClass().add("log-peer");
        payload.getStyleClass().add("log-payload");
        badge.setMinWidth(USE_PREF_SIZE);
        HBox.setHgrow(payload, Priority.ALWAYS);
        // Let the row take the list's width so long payloads wrap instead of scrolling sideways.
        setPrefWidth(0);
        setText(null);
        row.setVisible(false);
        setGraphic(row);
    }

    @Override
    protected void updateItem(LogEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            // Hidden, not removed: a row taken out of the cell and put back has all the CSS of its
            // six labels matched again, and the list measures rows with one cell it fills and
            // empties for each row it measures: on every pulse of a storm, most of the FX thread.
            row.setVisible(false);
            return;
        }
        row.setVisible(true);
        boolean showTime = log.showTimeProperty().get();
        time.setVisible(showTime);
        time.setManaged(showTime);
        if (showTime) {
            time.setText(times.format(entry.timeMillis()));
        }
        showKind(entry.kind(), entry.automatic());
        peer.setText(entry.peer());
        boolean answer = entry.roundTripNanos() >= 0;
        if (answer || roundTrip != null) {
            Label shown = roundTrip();
            shown.setVisible(answer);
            shown.setManaged(answer);
            shown.setText(answer ? "\u21a9 " + Durations.of(entry.roundTripNanos()) : null);
        }
        boolean detailed = entry.detail() != null;
        if (detailed || more != null) {
            Label shown = more();
            shown.setVisible(detailed);
            shown.setManaged(detailed);
        }
        payload.setWrap(log.wrapProperty().get());
        payload.setText(entry.isData() ? RowText.payload(entry, log.viewModeProperty().get()) : entry.message());
    }

    /** The font its payload is drawn in, once styled: to measure rows before they are laid out ({@link OneLineRows}). */
    Font payloadFont() {
        return payload.textNode().getFont();
    }

    /** The font its peer is drawn in, once styled. */
    Font peerFont() {
        return peer.getFont();
    }

    private Label roundTrip() {
        if (roundTrip == null) {
            roundTrip = new Label();
            roundTrip.getStyleClass().add("log-round-trip");
            roundTrip.setMinWidth(USE_PREF_SIZE);
            row.getChildren().add(row.getChildren().indexOf(more != null ? more : payload), roundTrip);
        }
        return roundTrip;
    }

    private Label more() {
        if (more == null) {
            more = new Label("\u25b8");
            more.getStyleClass().add("log-more");
            more.setMinWidth(USE_PREF_SIZE);
            more.setTooltip(new Tooltip(I18n.text("log.detail.tooltip")));
            more.setOnMouseClicked(event -> {
                LogEntry entry = getItem();
                if (entry != null && entry.detail() != null) {
                    RowDetail.show(row, entry.detail());
                    event.consume();
                }
            });
            row.getChildren().add(row.getChildren().indexOf(payload), more);
        }
        return more;
    }

    /**
     * An empty cell is one line high, not as high as nothing. Below the last row the list fills
     * the rest of its viewport with empty cells, one after another until they reach the bottom:
     * cells a few pixels high took hundreds of new cells (each a row of six labels, styled), which
     * held the FX thread for up to a second at the start of a flood (sampled in bench group ui).
     */
    @Override
    protected double computePrefHeight(double width) {
        double height = super.computePrefHeight(width);
        if (!isEmpty()) {
            return height;
        }
        if (emptyLineHeight < 0 || emptyLineFont != getFont()) {
            emptyLineFont = getFont();
            Text line = new Text("Ag");
            line.setFont(emptyLineFont);
            emptyLineHeight = Math.ceil(line.getLayoutBounds().getHeight());
        }
        return Math.max(height, snappedTopInset() + emptyLineHeight + snappedBottomInset());
    }

    // A pseudo-class switch restyles one node; changing style classes would re-apply all CSS of
    // the row, on every pulse of a flood.
    private void showKind(LogEntry.Kind kind, boolean automatic) {
        if (kind == shownKind && automatic == shownAutomatic) {
            return;
        }
        if (shownKind != null) {
            badge.pseudoClassStateChanged(KIND_STATES.get(shownKind), false);
        }
        badge.pseudoClassStateChanged(KIND_STATES.get(kind), true);
        badge.pseudoClassStateChanged(AUTOMATIC, automatic);
        badge.setText(I18n.text(automatic ? "log.kind.AUTO" : "log.kind." + kind.name()));
        shownKind = kind;
        shownAutomatic = automatic;
    }
}
